package org.opencac.core.stages;

import java.util.Set;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.nlp.sections.SectionDetector;

/** Finds the note's section headings (History of Present Illness, Family History, ...). */
public final class SectionStage implements Stage {
    private final SectionDetector detector;

    public SectionStage(SectionDetector detector) {
        this.detector = detector;
    }

    @Override
    public String name() {
        return "sections";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of();
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.SECTIONS);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        return note.withSections(detector.detect(note.text()));
    }
}
