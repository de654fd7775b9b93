package org.opencac.nlp.text;

import java.text.Normalizer;

/** Case and accent folding that keeps one char per char, so offsets into the folded text are valid in the original. */
public final class TextFolding {
    private TextFolding() {
    }

    /** Lower case without diacritics: "Exploración" becomes "exploracion". */
    public static String fold(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c > 127 && Character.isLetter(c)) {
                c = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
            }
            out.append(c);
        }
        return out.toString();
    }
}
