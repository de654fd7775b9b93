package org.opencac.nlp.context;

/** ConText-style context analysis. CONTRACT: implemented in issue #5. */
public final class ConText {
    private ConText() {
    }

    /** The analyzer with our bundled trigger lexicon for "en" or "es". */
    public static ContextAnalyzer forLanguage(String language) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
