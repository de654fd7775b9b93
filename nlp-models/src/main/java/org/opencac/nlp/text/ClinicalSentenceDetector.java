package org.opencac.nlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence detection for clinical notes: line-structure rules (blank lines, headings, list items) cut the note into
 * blocks, an OpenNLP maxent model splits each block, and the abbreviation list repairs splits after "Dr.", "y.o.",
 * "b.i.d." and the like. Thread-safe: the model is shared, each thread gets its own {@link SentenceDetectorME}.
 */
public final class ClinicalSentenceDetector implements SentenceDetector {
    private final ThreadLocal<SentenceDetectorME> detectors;
    private final Abbreviations abbreviations;

    public ClinicalSentenceDetector(SentenceModel model, Abbreviations abbreviations) {
        this.detectors = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
        this.abbreviations = abbreviations;
    }

    @Override
    public List<TextSpan> detect(String text) {
        List<TextSpan> sentences = new ArrayList<>();
        SentenceDetectorME detector = detectors.get();
        for (TextSpan block : TextBlocks.split(text)) {
            String blockText = block.of(text);
            List<TextSpan> pieces = new ArrayList<>();
            for (Span span : detector.sentPosDetect(blockText)) {
                TextSpan piece = TextBlocks.trim(text, block.start() + span.getStart(), block.start() + span.getEnd());
                if (piece.length() > 0) {
                    pieces.add(piece);
                }
            }
            sentences.addAll(repair(text, block, pieces));
        }
        return sentences;
    }

    /** Merges splits the model should not have made; splits after a "terminal" abbreviation before a capital. */
    private List<TextSpan> repair(String text, TextSpan block, List<TextSpan> pieces) {
        if (pieces.isEmpty()) {
            return List.of(block);
        }
        List<TextSpan> merged = new ArrayList<>();
        TextSpan current = pieces.get(0);
        for (int i = 1; i < pieces.size(); i++) {
            TextSpan next = pieces.get(i);
            if (shouldJoin(text, current, next)) {
                current = new TextSpan(current.start(), next.end());
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        List<TextSpan> result = new ArrayList<>();
        for (TextSpan sentence : merged) {
            splitAfterTerminalAbbreviations(text, sentence, result);
        }
        return result;
    }

    private boolean shouldJoin(String text, TextSpan current, TextSpan next) {
        if (next.start() == current.end()) {
            return true; // a split with no space, e.g. inside "38.2" or "b.i.d."
        }
        if (!endsWithSentencePunctuation(text, current)) {
            return true; // the model moved a break inside "www.example.com," to the end of the token
        }
        Abbreviations.Kind kind = abbreviations.kindOf(lastWord(text, current));
        if (kind == Abbreviations.Kind.INNER) {
            return true;
        }
        if (kind == Abbreviations.Kind.TERMINAL) {
            return !Character.isUpperCase(text.charAt(next.start()));
        }
        return false;
    }

    /** "Metoprolol 25 mg b.i.d. Aspirin 81 mg daily." holds two sentences. */
    private void splitAfterTerminalAbbreviations(String text, TextSpan sentence, List<TextSpan> out) {
        int start = sentence.start();
        int wordStart = start;
        for (int i = start; i <= sentence.end(); i++) {
            boolean atSpace = i == sentence.end() || Character.isWhitespace(text.charAt(i));
            if (!atSpace) {
                continue;
            }
            if (i > wordStart && i < sentence.end() && text.charAt(i - 1) == '.'
                    && abbreviations.kindOf(text.subSequence(wordStart, i)) == Abbreviations.Kind.TERMINAL
                    && startsCapitalisedWord(text, i, sentence.end())) {
                out.add(new TextSpan(start, i));
                start = skipSpaces(text, i, sentence.end());
            }
            wordStart = i + 1;
        }
        out.add(new TextSpan(start, sentence.end()));
    }

    private static boolean startsCapitalisedWord(String text, int from, int end) {
        int i = skipSpaces(text, from, end);
        return i + 1 < end && Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i + 1));
    }

    private static int skipSpaces(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True when the span ends with '.', '!' or '?', possibly followed by closing quotes or brackets. */
    private static boolean endsWithSentencePunctuation(String text, TextSpan span) {
        int i = span.end();
        while (i > span.start() && ")]}\"'”’".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i > span.start() && ".!?".indexOf(text.charAt(i - 1)) >= 0;
    }

    private static CharSequence lastWord(String text, TextSpan span) {
        int i = span.end();
        while (i > span.start() && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return text.subSequence(i, span.end());
    }
}
