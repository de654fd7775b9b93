package org.opencac.core.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.nlp.text.SentenceDetector;
import org.opencac.nlp.text.TextSpan;

/** Splits the note into sentences with the language's sentence model. */
public final class SentenceStage implements Stage {
    private final SentenceDetector detector;

    public SentenceStage(SentenceDetector detector) {
        this.detector = detector;
    }

    @Override
    public String name() {
        return "sentences";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of();
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.SENTENCES);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        List<TextSpan> detected = detector.detect(note.text());
        List<Span> sentences = new ArrayList<>(detected.size());
        for (TextSpan span : detected) {
            sentences.add(new Span(span.start(), span.end()));
        }
        return note.withSentences(sentences);
    }
}
