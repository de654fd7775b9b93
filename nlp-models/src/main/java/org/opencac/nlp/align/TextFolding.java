package org.opencac.nlp.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.opencac.nlp.text.TextSpan;

/** Lower-casing, accent folding and word tokens with offsets, shared by the aligner and the classifier. */
public final class TextFolding {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private TextFolding() {
    }

    /** Lower-cases and removes accents (ñ becomes n too), so "Tórax" and "torax" compare equal. */
    public static String fold(String text) {
        if (isAscii(text)) {
            // Plain ASCII has no accents to remove: lower-casing is all folding does, and it is much cheaper.
            return asciiLowerCase(text);
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] lower = text.toCharArray();
                for (int j = i; j < lower.length; j++) {
                    if (lower[j] >= 'A' && lower[j] <= 'Z') {
                        lower[j] = (char) (lower[j] + ('a' - 'A'));
                    }
                }
                return new String(lower);
            }
        }
        return text;
    }

    /** A word of the text: its folded form and where it stands in the original text. */
    public record Token(String folded, TextSpan span) {
    }

    /** Letter/digit runs of text (offsets into text), each with its folded form. */
    public static List<Token> tokens(String text) {
        return tokens(text, 0, text.length());
    }

    /**
     * Letter/digit runs of text[start, end) with offsets into the whole text: the matches of {@code [\\p{L}\\p{N}]+}
     * in that region, found with a loop over code points (the regex was half of the document classifier's
     * feature time) that steps as the regex engine does.
     */
    public static List<Token> tokens(String text, int start, int end) {
        List<Token> tokens = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (!isWordCodePointAt(text, i, end)) {
                i++; // as Matcher.find: the next try starts one char later, even inside a surrogate pair
                continue;
            }
            int tokenEnd = i;
            while (tokenEnd < end && isWordCodePointAt(text, tokenEnd, end)) {
                tokenEnd += Character.charCount(text.codePointAt(tokenEnd));
            }
            tokens.add(new Token(fold(text.substring(i, tokenEnd)), new TextSpan(i, tokenEnd)));
            i = tokenEnd;
        }
        return tokens;
    }

    /** The general categories of {@code \\p{L}} and {@code \\p{N}}. */
    private static final int WORD_CATEGORIES = (1 << Character.UPPERCASE_LETTER) | (1 << Character.LOWERCASE_LETTER)
            | (1 << Character.TITLECASE_LETTER) | (1 << Character.MODIFIER_LETTER) | (1 << Character.OTHER_LETTER)
            | (1 << Character.DECIMAL_DIGIT_NUMBER) | (1 << Character.LETTER_NUMBER) | (1 << Character.OTHER_NUMBER);

    /** Whether the code point at i is a letter or digit that ends before {@code end} (as the regex requires). */
    private static boolean isWordCodePointAt(String text, int i, int end) {
        int codePoint = text.codePointAt(i);
        return i + Character.charCount(codePoint) <= end && isLetterOrNumber(codePoint);
    }

    /** Whether the code point is in {@code [\\p{L}\\p{N}]}: a letter, or a digit, letter number or other number. */
    public static boolean isLetterOrNumber(int codePoint) {
        return ((1 << Character.getType(codePoint)) & WORD_CATEGORIES) != 0;
    }
}
