package org.opencac.nlp.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencac.nlp.text.TextSpan;

/** Lower-casing, accent folding and word tokens with offsets, shared by the aligner and the classifier. */
public final class TextFolding {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
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

    /** Letter/digit runs of text[start, end) with offsets into the whole text. */
    public static List<Token> tokens(String text, int start, int end) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text).region(start, end);
        while (matcher.find()) {
            tokens.add(new Token(fold(matcher.group()), new TextSpan(matcher.start(), matcher.end())));
        }
        return tokens;
    }
}
