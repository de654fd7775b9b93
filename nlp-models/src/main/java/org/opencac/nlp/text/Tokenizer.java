package org.opencac.nlp.text;

import java.util.List;

/** Splits a range of a text (usually one sentence) into tokens. Thread-safe. */
public interface Tokenizer {
    /** Token spans with offsets into {@code text} (not into the range), in order, inside {@code range}. */
    List<TextSpan> tokenize(String text, TextSpan range);
}
