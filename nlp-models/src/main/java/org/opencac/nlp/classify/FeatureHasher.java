package org.opencac.nlp.classify;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import org.opencac.nlp.align.TextFolding;

/**
 * Hashed bag of features of a piece of text: folded word unigrams and bigrams, and character 3- to 5-grams of each
 * word padded with spaces. The hash (32-bit FNV-1a over the feature string) is fixed, so a bucket means the same
 * thing in training and at run time. Thread-safe and stateless.
 */
public final class FeatureHasher {
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    /** FNV states after the feature prefixes "w:", "b:" and "c:". */
    private static final int WORD_PREFIX = mix(mix(FNV_OFFSET, 'w'), ':');
    private static final int BIGRAM_PREFIX = mix(mix(FNV_OFFSET, 'b'), ':');
    private static final int CHARGRAM_PREFIX = mix(mix(FNV_OFFSET, 'c'), ':');

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
        Map<Integer, Integer> counts = new HashMap<>();
        forEachBucket(text, start, end, bucket -> counts.merge(bucket, 1, Integer::sum));
        return counts;
    }

    /**
     * Gives the bucket of every feature occurrence of text[start, end) to {@code sink}, in the order
     * "w:word", "b:previous word", "c:" 3-, 4- then 5-grams of " word ". The hashes are computed on the characters
     * directly, equal to {@link #bucket(String)} of the feature strings, without building those strings.
     */
    public void forEachBucket(String text, int start, int end, IntConsumer sink) {
        String previous = null;
        for (TextFolding.Token token : TextFolding.tokens(text, start, end)) {
            String word = token.folded();
            int[] buckets = wordBuckets(word);
            sink.accept(buckets[0]);
            if (previous != null) {
                sink.accept(bigramBucket(previous, word));
            }
            for (int i = 1; i < buckets.length; i++) {
                sink.accept(buckets[i]);
            }
            previous = word;
        }
    }

    /** The bucket of "b:previous word". */
    public int bigramBucket(String previous, String word) {
        return toBucket(mix(mix(mix(BIGRAM_PREFIX, previous), ' '), word));
    }

    /**
     * The buckets of a (folded) word alone: "w:word", then the "c:" 3-, 4- and 5-grams of " word ". Together with
     * {@link #bigramBucket} these are the buckets {@link #forEachBucket} gives for each word.
     */
    public int[] wordBuckets(String word) {
        int paddedLength = word.length() + 2;
        int[] buckets = new int[1 + Math.max(0, paddedLength - 2) + Math.max(0, paddedLength - 3)
                + Math.max(0, paddedLength - 4)];
        int at = 0;
        buckets[at++] = toBucket(mix(WORD_PREFIX, word));
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= paddedLength; i++) {
                int hash = CHARGRAM_PREFIX;
                for (int k = i; k < i + n; k++) {
                    hash = mix(hash, k == 0 || k == paddedLength - 1 ? ' ' : word.charAt(k - 1));
                }
                buckets[at++] = toBucket(hash);
            }
        }
        return buckets;
    }

    /** The bucket of one feature string. */
    public int bucket(String feature) {
        return toBucket(mix(FNV_OFFSET, feature));
    }

    private int toBucket(int hash) {
        return Math.floorMod(hash, buckets);
    }

    private static int mix(int hash, char c) {
        return (hash ^ c) * FNV_PRIME;
    }

    private static int mix(int hash, String s) {
        for (int i = 0; i < s.length(); i++) {
            hash = mix(hash, s.charAt(i));
        }
        return hash;
    }
}
