package org.opencac.nlp.sections;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Factory for the bundled heading-based section detectors. */
public final class SectionDetectors {
    private static final Map<String, SectionDetector> DETECTORS = new ConcurrentHashMap<>();

    private SectionDetectors() {
    }

    /** The heading-based detector for "en" or "es"; built once and shared (thread-safe). */
    public static SectionDetector forLanguage(String language) {
        if (!language.equals("en") && !language.equals("es")) {
            throw new IllegalArgumentException("Unsupported language: " + language);
        }
        return DETECTORS.computeIfAbsent(language, HeadingSectionDetector::forLanguage);
    }
}
