package org.opencac.nlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Tokenization in two steps: white space and cheap rules settle most words (plain words and numbers, listed
 * abbreviations, such words wrapped in brackets or followed by punctuation); the OpenNLP maxent model decides only
 * the remaining chunks ("140/90", "mg/kg", "patient's", "38.2C"). Thread-safe: one {@link TokenizerME} per thread over a shared model.
 */
public final class ClinicalTokenizer implements Tokenizer {
    /** Brackets and quotes split off the front of a word by rule. */
    private static final String OPENING = "([{\"";
    /** Brackets, quotes and punctuation split off the end of a word by rule. */
    private static final String CLOSING = ")]}\",;:!?";

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
                tokenizeChunk(text, chunkStart, i, i >= end, tokens);
            }
        }
        return tokens;
    }

    /**
     * A chunk whose core is a plain word or a listed abbreviation, wrapped in brackets, quotes or trailing
     * punctuation, is split by rule; a final period is split off only at the end of the range (the sentence end),
     * because elsewhere it may belong to an abbreviation the list does not know. Anything else goes to the model.
     */
    private void tokenizeChunk(String text, int start, int end, boolean lastInRange, List<TextSpan> tokens) {
        if (isAlphanumeric(text, start, end) || abbreviations.kindOf(text.subSequence(start, end)) != null) {
            tokens.add(new TextSpan(start, end));
            return;
        }
        int coreStart = start;
        while (coreStart < end && OPENING.indexOf(text.charAt(coreStart)) >= 0) {
            coreStart++;
        }
        int coreEnd = end;
        while (coreEnd > coreStart) {
            char c = text.charAt(coreEnd - 1);
            boolean sentenceFinalPeriod = c == '.' && lastInRange && coreEnd == end;
            if (CLOSING.indexOf(c) < 0 && !sentenceFinalPeriod
                    || abbreviations.kindOf(text.subSequence(coreStart, coreEnd)) != null) {
                break;
            }
            coreEnd--;
        }
        boolean ruleApplies = coreEnd > coreStart && (isAlphanumeric(text, coreStart, coreEnd)
                || abbreviations.kindOf(text.subSequence(coreStart, coreEnd)) != null);
        if (ruleApplies) {
            for (int p = start; p < coreStart; p++) {
                tokens.add(new TextSpan(p, p + 1));
            }
            tokens.add(new TextSpan(coreStart, coreEnd));
            for (int p = coreEnd; p < end; p++) {
                tokens.add(new TextSpan(p, p + 1));
            }
            return;
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
