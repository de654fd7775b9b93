package org.opencac.nlp.align;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IBM Model 1 word-translation probabilities t(target | source), trained by EM on aligned sentence pairs of
 * folded tokens, combined with a cognate similarity so that unseen but similar words (tórax / thorax) still match.
 * Immutable after training; thread-safe.
 */
public final class WordTranslationModel {
    private static final String NULL_WORD = "<null>";
    private static final double COGNATE_FLOOR = 0.7;
    private static final int COGNATE_MIN_LENGTH = 4;

    private final Map<String, Map<String, Double>> probabilities;

    private WordTranslationModel(Map<String, Map<String, Double>> probabilities) {
        this.probabilities = probabilities;
    }

    /** A pair of token lists that translate each other. */
    public record SentencePair(List<String> source, List<String> target) {
        public SentencePair {
            source = List.copyOf(source);
            target = List.copyOf(target);
        }
    }

    /** Runs the given number of EM iterations of IBM Model 1 from a uniform start. */
    public static WordTranslationModel train(List<SentencePair> pairs, int iterations) {
        Map<String, Map<String, Double>> t = new HashMap<>();
        for (SentencePair pair : pairs) {
            for (String target : pair.target()) {
                for (String source : withNull(pair.source())) {
                    t.computeIfAbsent(source, k -> new HashMap<>()).put(target, 1.0);
                }
            }
        }
        for (int iteration = 0; iteration < iterations; iteration++) {
            Map<String, Map<String, Double>> counts = new HashMap<>();
            Map<String, Double> totals = new HashMap<>();
            for (SentencePair pair : pairs) {
                List<String> sources = withNull(pair.source());
                for (String target : pair.target()) {
                    double normaliser = 0;
                    for (String source : sources) {
                        normaliser += t.get(source).get(target);
                    }
                    for (String source : sources) {
                        double share = t.get(source).get(target) / normaliser;
                        counts.computeIfAbsent(source, k -> new HashMap<>()).merge(target, share, Double::sum);
                        totals.merge(source, share, Double::sum);
                    }
                }
            }
            for (Map.Entry<String, Map<String, Double>> entry : counts.entrySet()) {
                double total = totals.get(entry.getKey());
                entry.getValue().replaceAll((target, count) -> count / total);
            }
            t = counts;
        }
        return new WordTranslationModel(t);
    }

    private static List<String> withNull(List<String> source) {
        List<String> sources = new java.util.ArrayList<>(source.size() + 1);
        sources.add(NULL_WORD);
        sources.addAll(source);
        return sources;
    }

    /** t(target | source) from EM, 0 when never seen together. Both words folded. */
    public double translationProbability(String source, String target) {
        Map<String, Double> row = probabilities.get(source);
        return row == null ? 0 : row.getOrDefault(target, 0.0);
    }

    /** Every target word seen with source and its probability t(target | source) (empty when source is unknown). */
    public Map<String, Double> translationsOf(String source) {
        Map<String, Double> row = probabilities.get(source);
        return row == null ? Map.of() : java.util.Collections.unmodifiableMap(row);
    }

    /** How well target translates source: the larger of t(target|source) and their cognate similarity. */
    public double association(String source, String target) {
        return Math.max(translationProbability(source, target), cognateSimilarity(source, target));
    }

    /** 1 - normalised edit distance when at least 0.7 and both words are long enough; 0 otherwise. */
    static double cognateSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() < COGNATE_MIN_LENGTH || b.length() < COGNATE_MIN_LENGTH) {
            return 0;
        }
        double similarity = 1 - (double) editDistance(a, b) / Math.max(a.length(), b.length());
        return similarity >= COGNATE_FLOOR ? similarity : 0;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
