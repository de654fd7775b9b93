package org.opencac.nlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/** A plain OpenNLP maxent tokenizer, without clinical rules (the baseline). Thread-safe. */
public final class OpenNlpTokenizer implements Tokenizer {
    private final ThreadLocal<TokenizerME> tokenizers;

    public OpenNlpTokenizer(TokenizerModel model) {
        this.tokenizers = ThreadLocal.withInitial(() -> new TokenizerME(model));
    }

    @Override
    public List<TextSpan> tokenize(String text, TextSpan range) {
        List<TextSpan> tokens = new ArrayList<>();
        for (Span span : tokenizers.get().tokenizePos(range.of(text))) {
            tokens.add(new TextSpan(range.start() + span.getStart(), range.start() + span.getEnd()));
        }
        return tokens;
    }
}
