package org.opencac.dictionaries;

import java.util.Locale;

/** Canonical code forms. */
public final class Codes {

    private Codes() {
    }

    /**
     * Canonical form of a code as written anywhere (order files, CodiEsp, user input):
     * ICD-10-CM upper case with a dot after the third character ("e119" and "E11.9" give "E11.9",
     * "I10" stays "I10"); the other systems upper case without dots or spaces.
     */
    public static String canonical(CodeSystem system, String code) {
        String compact = code.strip().replace(".", "").toUpperCase(Locale.ROOT);
        if (system == CodeSystem.ICD10CM && compact.length() > 3) {
            return compact.substring(0, 3) + "." + compact.substring(3);
        }
        return compact;
    }

    /** The ICD-10-CM parent: one character shorter ("E11.65" -> "E11.6", "E11.9" -> "E11"), or null for a category. */
    public static String cmParentCandidate(String canonicalCode) {
        if (canonicalCode.length() <= 3) {
            return null;
        }
        String shorter = canonicalCode.substring(0, canonicalCode.length() - 1);
        return shorter.endsWith(".") ? shorter.substring(0, 3) : shorter;
    }
}
