package org.opencac.nlp.text;

import java.text.Normalizer;

/** Case and accent folding that keeps one char per char, so offsets into the folded text are valid in the original. */
public final class TextFolding {
    /** The folding of every Latin-1 char, computed once: a Normalizer call per accented char was the hot spot. */
    private static final char[] LATIN1_FOLDED = new char[256];

    static {
        for (char c = 0; c < LATIN1_FOLDED.length; c++) {
            LATIN1_FOLDED[c] = foldChar(c);
        }
    }

    private TextFolding() {
    }

    /** Lower case without diacritics: "Exploración" becomes "exploracion". */
    public static String fold(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < LATIN1_FOLDED.length ? LATIN1_FOLDED[c] : foldChar(c));
        }
        return out.toString();
    }

    private static char foldChar(char original) {
        char c = Character.toLowerCase(original);
        if (c > 127 && Character.isLetter(c)) {
            c = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        }
        return c;
    }
}
