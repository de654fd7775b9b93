package org.opencac.nlp.text;

/** Entry point to the sentence and token models of one language. CONTRACT: implemented in issue #5. */
public final class TextModels {
    private final SentenceDetector sentenceDetector;
    private final Tokenizer tokenizer;

    private TextModels(SentenceDetector sentenceDetector, Tokenizer tokenizer) {
        this.sentenceDetector = sentenceDetector;
        this.tokenizer = tokenizer;
    }

    /** Our bundled models for "en" or "es"; loaded from the class path, never from the network. */
    public static TextModels forLanguage(String language) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public SentenceDetector sentenceDetector() {
        return sentenceDetector;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }
}
