package org.opencac.nlp.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Chunks remembered per thread before the cache starts over (a few hundred KB at most). */
    private static final int MAX_CACHED_CHUNKS = 4096;

    private final ThreadLocal<TokenizerME> tokenizers;
    /**
     * The model's token offsets of recently seen chunks, per thread: the model looks at the chunk alone, so the
     * same chunk always gets the same tokens, and clinical notes repeat many ("mg/kg", "patient's").
     */
    private final ThreadLocal<Map<String, int[]>> modelTokensOfChunk =
            ThreadLocal.withInitial(() -> new HashMap<>(2 * MAX_CACHED_CHUNKS));
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
        int[] offsets = modelTokens(text.substring(start, end));
        for (int k = 0; k < offsets.length; k += 2) {
            tokens.add(new TextSpan(start + offsets[k], start + offsets[k + 1]));
        }
    }

    /** The model's tokens of a chunk as start and end offsets, from the cache when the chunk was seen lately. */
    private int[] modelTokens(String chunk) {
        Map<String, int[]> cache = modelTokensOfChunk.get();
        int[] offsets = cache.get(chunk);
        if (offsets == null) {
            Span[] spans = tokenizers.get().tokenizePos(chunk);
            offsets = new int[spans.length * 2];
            for (int k = 0; k < spans.length; k++) {
                offsets[2 * k] = spans[k].getStart();
                offsets[2 * k + 1] = spans[k].getEnd();
            }
            if (cache.size() >= MAX_CACHED_CHUNKS) {
                cache.clear();
            }
            cache.put(chunk, offsets);
        }
        return offsets;
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
