package org.opencac.core.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.nlp.text.TextSpan;
import org.opencac.nlp.text.Tokenizer;

/** Tokenizes each sentence; every token remembers the sentence that holds it. */
public final class TokenStage implements Stage {
    private final Tokenizer tokenizer;

    public TokenStage(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        List<Span> tokens = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Span> sentences = note.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            Span sentence = sentences.get(s);
            for (TextSpan token : tokenizer.tokenize(note.text(), new TextSpan(sentence.start(), sentence.end()))) {
                tokens.add(new Span(token.start(), token.end()));
                owners.add(s);
            }
        }
        int[] tokenSentence = new int[owners.size()];
        for (int i = 0; i < tokenSentence.length; i++) {
            tokenSentence[i] = owners.get(i);
        }
        return note.withTokens(tokens, tokenSentence);
    }
}
