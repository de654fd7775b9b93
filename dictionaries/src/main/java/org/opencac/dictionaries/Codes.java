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
        if (isCanonical(system, code)) {
            return code; // the common case (codes from the dictionaries and models): no copies
        }
        String compact = code.strip().replace(".", "").toUpperCase(Locale.ROOT);
        if (system == CodeSystem.ICD10CM && compact.length() > 3) {
            return compact.substring(0, 3) + "." + compact.substring(3);
        }
        return compact;
    }

    /**
     * True when {@link #canonical} would return the code unchanged: upper-case letters and digits only, except
     * the dot after the third character of an ICD-10-CM code longer than a category.
     */
    private static boolean isCanonical(CodeSystem system, String code) {
        boolean dotted = system == CodeSystem.ICD10CM && code.length() > 4;
        if (system == CodeSystem.ICD10CM && code.length() == 4) {
            return false; // "E119" becomes "E11.9", "E11." becomes "E11"
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (dotted && i == 3 ? c != '.' : !plain) {
                return false;
            }
        }
        return true;
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
