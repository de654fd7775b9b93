package org.opencac.dictionaries;

import java.time.LocalDate;
import java.util.Optional;

/** Facade over every bundled code set and term source. CONTRACT: implemented in issue #4. */
public final class Dictionaries {

    /** Loads the bundled code sets and terms from the class path (never the network). Thread-safe once built. */
    public static Dictionaries loadBundled() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Matcher over the terms of language "en" or "es" for the releases in force on the date (null: newest). */
    public TermMatcher matcher(String language, LocalDate dateOfService) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The code's entry in the release of {@code system} in force on {@code dateOfService} (null: newest). */
    public Optional<CodeEntry> lookup(CodeSystem system, String code, LocalDate dateOfService) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
