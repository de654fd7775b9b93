package org.opencac.nlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Tokenization in two steps: white space and cheap rules settle most words (plain words and numbers, listed
 * abbreviations, a word followed by one comma or semicolon); the OpenNLP maxent model decides only the remaining
 * chunks ("140/90", "(IOP),", "mg/kg"). Thread-safe: one {@link TokenizerME} per thread over a shared model.
 */
public final class ClinicalTokenizer implements Tokenizer {
    private final ThreadLocal<TokenizerME> tokenizers;
    private final Abbreviations abbreviations;

    public ClinicalTokenizer(TokenizerModel model, Abbreviations abbreviations) {
        this.tokenizers = ThreadLocal.withInitial(() -> new TokenizerME(model));
        this.abbreviations = abbreviations;
    }

    @Override
    public List<TextSpan> tokenize(String text, TextSpan range) {
        List<TextSpan> tokens = new ArrayList<>();
        int i = range.start();
        int end = range.end();
        while (i < end) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int chunkStart = i;
            while (i < end && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > chunkStart) {
                tokenizeChunk(text, chunkStart, i, tokens);
            }
        }
        return tokens;
    }

    private void tokenizeChunk(String text, int start, int end, List<TextSpan> tokens) {
        if (isAlphanumeric(text, start, end) || abbreviations.kindOf(text.subSequence(start, end)) != null) {
            tokens.add(new TextSpan(start, end));
            return;
        }
        char last = text.charAt(end - 1);
        if ((last == ',' || last == ';') && end - start > 1) {
            // "fever," and "b.i.d.," split off the punctuation without asking the model.
            CharSequence word = text.subSequence(start, end - 1);
            if (isAlphanumeric(text, start, end - 1) || abbreviations.kindOf(word) != null) {
                tokens.add(new TextSpan(start, end - 1));
                tokens.add(new TextSpan(end - 1, end));
                return;
            }
        }
        TokenizerME model = tokenizers.get();
        for (Span span : model.tokenizePos(text.substring(start, end))) {
            tokens.add(new TextSpan(start + span.getStart(), start + span.getEnd()));
        }
    }

    private static boolean isAlphanumeric(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
