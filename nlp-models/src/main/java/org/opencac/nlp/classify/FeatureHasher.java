package org.opencac.nlp.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencac.nlp.align.TextFolding;

/**
 * Hashed bag of features of a piece of text: folded word unigrams and bigrams, and character 3- to 5-grams of each
 * word padded with spaces. The hash (32-bit FNV-1a over the feature string) is fixed, so a bucket means the same
 * thing in training and at run time. Thread-safe and stateless.
 */
public final class FeatureHasher {
    private final int buckets;

    /** @param buckets size of the hashed feature space, e.g. 1 << 20 */
    public FeatureHasher(int buckets) {
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be positive");
        }
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    /** Feature counts by bucket for text[start, end). */
    public Map<Integer, Integer> counts(String text, int start, int end) {
        List<TextFolding.Token> tokens = TextFolding.tokens(text, start, end);
        Map<Integer, Integer> counts = new HashMap<>();
        String previous = null;
        for (TextFolding.Token token : tokens) {
            String word = token.folded();
            add(counts, "w:" + word);
            if (previous != null) {
                add(counts, "b:" + previous + " " + word);
            }
            String padded = " " + word + " ";
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    add(counts, "c:" + padded.substring(i, i + n));
                }
            }
            previous = word;
        }
        return counts;
    }

    private void add(Map<Integer, Integer> counts, String feature) {
        counts.merge(bucket(feature), 1, Integer::sum);
    }

    /** The bucket of one feature string. */
    public int bucket(String feature) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            hash ^= feature.charAt(i);
            hash *= 0x01000193;
        }
        return Math.floorMod(hash, buckets);
    }
}
