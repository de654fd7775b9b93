package org.opencac.nlp.sections;

/** CONTRACT: implemented in issue #5. */
public final class SectionDetectors {
    private SectionDetectors() {
    }

    /** The heading-based detector for "en" or "es". */
    public static SectionDetector forLanguage(String language) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
