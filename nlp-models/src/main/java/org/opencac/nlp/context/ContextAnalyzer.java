package org.opencac.nlp.context;

import java.util.List;
import org.opencac.nlp.text.TextSpan;

/** Assigns negation, uncertainty, history, hypothetical and experiencer context to targets. Thread-safe. */
public interface ContextAnalyzer {
    /**
     * @param text     the whole note text
     * @param sentence the sentence holding the targets
     * @param tokens   the sentence's tokens (offsets into text)
     * @param targets  the mentions to classify, each inside the sentence
     * @return one result per target, in the same order
     */
    List<ContextResult> analyze(String text, TextSpan sentence, List<TextSpan> tokens, List<TextSpan> targets);
}
