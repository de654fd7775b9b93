package org.opencac.nlp.corpus;

import java.util.List;

/**
 * One CoNLL-U sentence: its {@code # text}, and its surface tokens (multiword tokens such as Spanish "del"
 * appear once, as the range line's form; the syntactic words they cover are dropped).
 *
 * @param docId          the latest {@code # newdoc id} seen, or "" when the file has none
 * @param startsParagraph true when a {@code # newpar} line precedes the sentence
 */
public record ConlluSentence(String docId, String sentId, String text, boolean startsParagraph,
                             List<ConlluToken> tokens) {
    public ConlluSentence {
        tokens = List.copyOf(tokens);
    }

    /** Rebuilds the sentence text from the tokens and their SpaceAfter flags. */
    public String detokenized() {
        StringBuilder out = new StringBuilder();
        for (ConlluToken token : tokens) {
            out.append(token.form());
            if (token.spaceAfter()) {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }
}
