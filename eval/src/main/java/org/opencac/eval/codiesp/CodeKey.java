package org.opencac.eval.codiesp;

import java.util.Locale;

/** A code of one document, as CodiEsp scores it. Codes are kept lower case and dotted, as in the gold files. */
public record CodeKey(String docId, CodeType type, String code) {
    public CodeKey {
        code = normalize(code);
    }

    /** The CodiEsp spelling of a code: trimmed and lower case ("E11.9" becomes "e11.9"). */
    public static String normalize(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
