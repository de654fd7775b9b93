package org.opencac.nlp.context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ConText-style context analysis with our bundled trigger lexicons. */
public final class ConText {
    private static final Map<String, ContextAnalyzer> ANALYZERS = new ConcurrentHashMap<>();

    private ConText() {
    }

    /** The analyzer with our bundled trigger lexicon for "en" or "es"; built once and shared (thread-safe). */
    public static ContextAnalyzer forLanguage(String language) {
        if (!language.equals("en") && !language.equals("es")) {
            throw new IllegalArgumentException("Unsupported language: " + language);
        }
        return ANALYZERS.computeIfAbsent(language,
                lang -> new ConTextAnalyzer(TriggerLexicon.forLanguage(lang), ConTextAnalyzer.DEFAULT_NEGATION_MAX_WORDS));
    }
}
