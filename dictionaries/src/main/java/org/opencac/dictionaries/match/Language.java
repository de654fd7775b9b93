package org.opencac.dictionaries.match;

import java.util.Locale;
import java.util.Set;

/** Languages the matcher normalizes, with their filler words (already folded to lower-case ASCII). */
public enum Language {
    EN(Set.of("of", "the", "a", "an", "with", "and", "in", "to", "due", "by", "on", "for", "at", "or", "from",
            "unspecified", "nos", "nec")),
    ES(Set.of("de", "la", "el", "lo", "los", "las", "del", "con", "en", "por", "y", "a", "al", "un", "una", "e", "o",
            "para"));

    private final Set<String> fillers;

    Language(Set<String> fillers) {
        this.fillers = fillers;
    }

    /** Filler words may be dropped or added between content words without losing a match. */
    public boolean isFiller(String normalizedToken) {
        return fillers.contains(normalizedToken);
    }

    public Set<String> fillers() {
        return fillers;
    }

    public static Language fromCode(String code) {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "en" -> EN;
            case "es" -> ES;
            default -> throw new IllegalArgumentException("unsupported language: " + code);
        };
    }
}
