package org.opencac.nlp.classify;

import java.util.Locale;

/** Label names inside the models: "ICD-10-CM|E11.9", "ICD-10-PCS|BW03ZZZ". */
public final class CodeLabels {
    private static final char SEPARATOR = '|';

    private CodeLabels() {
    }

    /** A label for a code as written in the CodiEsp gold (lower-case), made canonical. */
    public static String label(String system, String code) {
        if (!system.equals(CodeScore.ICD10CM) && !system.equals(CodeScore.ICD10PCS)) {
            throw new IllegalArgumentException("Unknown system " + system);
        }
        return system + SEPARATOR + code.trim().toUpperCase(Locale.ROOT);
    }

    public static String system(String label) {
        return label.substring(0, label.indexOf(SEPARATOR));
    }

    public static String code(String label) {
        return label.substring(label.indexOf(SEPARATOR) + 1);
    }
}
