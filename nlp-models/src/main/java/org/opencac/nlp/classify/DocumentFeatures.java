package org.opencac.nlp.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencac.nlp.align.SentenceSplitter;
import org.opencac.nlp.text.TextSpan;

/**
 * The hashed features of a document, kept per sentence. Features never cross a sentence boundary, so the document
 * vector is exactly the sum of its sentence vectors; both are divided by the document's L2 norm. That makes a
 * linear model's score split exactly into per-sentence contributions, which is how evidence is found.
 */
public record DocumentFeatures(List<TextSpan> sentences, List<Map<Integer, Integer>> sentenceCounts,
                               Map<Integer, Integer> documentCounts, double norm) {
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    public DocumentFeatures {
        sentences = List.copyOf(sentences);
        sentenceCounts = sentenceCounts.stream().map(Map::copyOf).toList();
        documentCounts = Map.copyOf(documentCounts);
    }

    public static DocumentFeatures of(String text, FeatureHasher hasher) {
        List<TextSpan> sentences = SPLITTER.split(text);
        List<Map<Integer, Integer>> perSentence = sentences.stream()
                .map(s -> hasher.counts(text, s.start(), s.end()))
                .toList();
        Map<Integer, Integer> document = new HashMap<>();
        for (Map<Integer, Integer> counts : perSentence) {
            counts.forEach((bucket, count) -> document.merge(bucket, count, Integer::sum));
        }
        double squares = 0;
        for (int count : document.values()) {
            squares += (double) count * count;
        }
        return new DocumentFeatures(sentences, perSentence, document, Math.sqrt(squares));
    }

    /** Normalised value of a count: count / document norm (0 for an empty document). */
    public double value(int count) {
        return norm == 0 ? 0 : count / norm;
    }
}
