package org.opencac.nlp.corpus;

import java.util.ArrayList;
import java.util.List;
import org.opencac.nlp.text.TextSpan;

/** Aligns CoNLL-U sentences and tokens to the raw document text they were made from. */
public final class Aligner {
    private Aligner() {
    }

    /**
     * Finds each sentence's {@code # text} in order with a forward search, then each token inside its sentence.
     * A sentence that is not found is counted and skipped; the search resumes after the last found sentence.
     */
    public static AlignedDocument align(String id, String documentText, List<ConlluSentence> sentences) {
        List<TextSpan> sentenceSpans = new ArrayList<>();
        List<TextSpan> tokenSpans = new ArrayList<>();
        int unaligned = 0;
        int cursor = 0;
        for (ConlluSentence sentence : sentences) {
            int start = documentText.indexOf(sentence.text(), cursor);
            if (sentence.text().isEmpty() || start < 0) {
                unaligned++;
                continue;
            }
            int end = start + sentence.text().length();
            sentenceSpans.add(new TextSpan(start, end));
            int tokenCursor = start;
            for (ConlluToken token : sentence.tokens()) {
                int tokenStart = documentText.indexOf(token.form(), tokenCursor);
                if (tokenStart < 0 || tokenStart + token.form().length() > end) {
                    continue;
                }
                int tokenEnd = tokenStart + token.form().length();
                tokenSpans.add(new TextSpan(tokenStart, tokenEnd));
                tokenCursor = tokenEnd;
            }
            cursor = end;
        }
        return new AlignedDocument(id, documentText, sentenceSpans, tokenSpans, unaligned);
    }
}
