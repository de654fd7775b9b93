package org.opencac.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Note;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;

/** Checks the benchmark set-up without running JMH: the right stage gets the input it gets in production. */
class StageBenchmarkTest {

    @Test
    void bundledSampleNotesAreTheFourEnglishOnes() {
        List<Note> notes = FixedNotes.load(FixedNotes.SAMPLES);
        assertEquals(4, notes.size());
        for (Note note : notes) {
            assertFalse(note.text().isBlank(), note.id());
        }
    }

    @Test
    void eachStageIsMeasuredOnTheLayersOfTheStagesBeforeIt() {
        StageBenchmark bench = new StageBenchmark();
        bench.notes = FixedNotes.SAMPLES;
        bench.stage = "context";
        bench.prepare();

        AnalyzedNote out = bench.stage();
        assertTrue(out.has(Layer.MENTIONS), "dictionary ran before context");
        assertTrue(out.has(Layer.CONTEXT), "the measured call is the context stage");
        assertFalse(out.has(Layer.SUGGESTIONS), "later stages are not run");
    }

    @Test
    void unknownStageNamesTheStagesThereAre() {
        List<Stage> stages = List.of(named("sentences"), named("dictionary"));
        assertEquals(1, StageBenchmark.indexOf(stages, "dictionary"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StageBenchmark.indexOf(stages, "ranker"));
        assertTrue(error.getMessage().contains("[sentences, dictionary]"), error.getMessage());
    }

    private static Stage named(String name) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Layer> requires() {
                return Set.of();
            }

            @Override
            public Set<Layer> provides() {
                return Set.of();
            }

            @Override
            public AnalyzedNote apply(AnalyzedNote note) {
                return note;
            }
        };
    }
}
