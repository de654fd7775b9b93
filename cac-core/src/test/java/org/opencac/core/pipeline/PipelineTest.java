package org.opencac.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.core.model.Span;
import org.junit.jupiter.api.Test;

class PipelineTest {

    /** A stage that marks the whole text as one sentence. */
    private static final Stage WHOLE_TEXT_SENTENCE = new Stage() {
        public String name() {
            return "whole";
        }

        public Set<Layer> requires() {
            return Set.of();
        }

        public Set<Layer> provides() {
            return Set.of(Layer.SENTENCES);
        }

        public AnalyzedNote apply(AnalyzedNote note) {
            return note.withSentences(List.of(new Span(0, note.text().length())));
        }
    };

    /** A stage that makes one token per sentence. */
    private static final Stage SENTENCE_AS_TOKEN = new Stage() {
        public String name() {
            return "tok";
        }

        public Set<Layer> requires() {
            return Set.of(Layer.SENTENCES);
        }

        public Set<Layer> provides() {
            return Set.of(Layer.TOKENS);
        }

        public AnalyzedNote apply(AnalyzedNote note) {
            return note.withTokens(note.sentences(), new int[note.sentences().size()]);
        }
    };

    @Test
    void stagesRunInOrderAndLayersAccumulate() {
        Pipeline pipeline = new Pipeline(List.of(WHOLE_TEXT_SENTENCE, SENTENCE_AS_TOKEN));
        AnalyzedNote result = pipeline.run(Note.of("n1", "Chest pain.", Language.EN));
        assertEquals(List.of(new Span(0, 11)), result.tokens());
        assertTrue(result.has(Layer.SENTENCES) && result.has(Layer.TOKENS));
        assertEquals(List.of("whole", "tok"), pipeline.stageNames());
        assertEquals(1, pipeline.timings().calls("tok"));
    }

    @Test
    void wrongOrderFailsAtConstruction() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new Pipeline(List.of(SENTENCE_AS_TOKEN, WHOLE_TEXT_SENTENCE)));
        assertTrue(error.getMessage().contains("'tok' requires [SENTENCES]"), error.getMessage());
    }

    @Test
    void duplicateStageNamesAreRefused() {
        assertThrows(IllegalStateException.class,
                () -> new Pipeline(List.of(WHOLE_TEXT_SENTENCE, WHOLE_TEXT_SENTENCE)));
    }
}
