package org.opencac.nlp.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opencac.nlp.text.TextSpan;

/**
 * A Spanish document and its line-per-sentence English translation, sentence-aligned. Immutable.
 *
 * @param spanishSentences sentence spans in the Spanish text
 * @param englishLines     non-empty line spans in the English text
 * @param beads            the alignment between the two lists
 */
public record ParallelDocument(String spanish, String english, List<TextSpan> spanishSentences,
                               List<TextSpan> englishLines, List<Bead> beads) {
    public ParallelDocument {
        spanishSentences = List.copyOf(spanishSentences);
        englishLines = List.copyOf(englishLines);
        beads = List.copyOf(beads);
    }

    /** Splits and aligns a document pair. */
    public static ParallelDocument align(String spanish, String english, SentenceSplitter splitter,
                                         SentenceAligner aligner) {
        List<TextSpan> sentences = splitter.split(spanish);
        List<TextSpan> lines = lines(english);
        List<Bead> beads = aligner.align(sentences.stream().map(s -> s.of(spanish)).toList(),
                lines.stream().map(l -> l.of(english)).toList());
        return new ParallelDocument(spanish, english, sentences, lines, beads);
    }

    /** Non-blank lines, trimmed, as spans. */
    public static List<TextSpan> lines(String text) {
        List<TextSpan> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                lines.add(new TextSpan(s, e));
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * The English text range aligned with the Spanish sentences that a Spanish span touches: from the first to the
     * last English line of their beads. Empty when those sentences have no English counterpart.
     */
    public Optional<TextSpan> englishRangeFor(TextSpan spanishSpan) {
        int firstLine = Integer.MAX_VALUE;
        int lastLine = -1;
        for (int s = 0; s < spanishSentences.size(); s++) {
            TextSpan sentence = spanishSentences.get(s);
            if (sentence.end() <= spanishSpan.start() || sentence.start() >= spanishSpan.end()) {
                continue;
            }
            for (Bead bead : beads) {
                if (bead.containsSource(s) && bead.targetCount() > 0) {
                    firstLine = Math.min(firstLine, bead.targetStart());
                    lastLine = Math.max(lastLine, bead.targetEnd() - 1);
                }
            }
        }
        if (lastLine < 0) {
            return Optional.empty();
        }
        return Optional.of(new TextSpan(englishLines.get(firstLine).start(), englishLines.get(lastLine).end()));
    }
}
