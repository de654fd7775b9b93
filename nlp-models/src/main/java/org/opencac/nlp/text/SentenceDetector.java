package org.opencac.nlp.text;

import java.util.List;

/** Splits a text into sentences. Thread-safe: one instance serves every pipeline thread. */
public interface SentenceDetector {
    /** Sentence spans in text order, trimmed of surrounding white space; never overlapping. */
    List<TextSpan> detect(String text);
}
