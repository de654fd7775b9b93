package org.opencac.dictionaries.match;

import java.util.Arrays;

/**
 * A plain tokenizer for tools and tests: runs of letters/digits are tokens, every other non-space
 * character is a token of its own. The pipeline uses its own tokenizer; the matcher accepts any.
 */
public final class SimpleTokenizer {

    /** Token offsets: {@code starts[i]} inclusive, {@code ends[i]} exclusive. */
    public record Tokens(int[] starts, int[] ends) {
        public int size() {
            return starts.length;
        }
    }

    private SimpleTokenizer() {
    }

    public static Tokens tokenize(String text) {
        int[] starts = new int[Math.max(16, text.length() / 3)];
        int[] ends = new int[starts.length];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return new Tokens(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }
}
