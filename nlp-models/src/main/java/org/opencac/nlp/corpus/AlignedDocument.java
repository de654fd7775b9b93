package org.opencac.nlp.corpus;

import java.util.List;
import org.opencac.nlp.text.TextSpan;

/**
 * A document text with gold sentence and token spans (offsets into {@code text}).
 *
 * @param unalignedSentences gold sentences whose text could not be found in the document (left out of the spans)
 */
public record AlignedDocument(String id, String text, List<TextSpan> sentences, List<TextSpan> tokens,
                              int unalignedSentences) {
    public AlignedDocument {
        sentences = List.copyOf(sentences);
        tokens = List.copyOf(tokens);
    }
}
