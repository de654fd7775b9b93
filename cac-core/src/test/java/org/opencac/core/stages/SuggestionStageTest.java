package org.opencac.core.stages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Context;

class SuggestionStageTest {
    private static final Context NEGATED = new Context(true, false, false, false, false, List.of());
    private static final Context UNCERTAIN = new Context(false, true, false, false, false, List.of());
    private static final Context FAMILY = new Context(false, false, false, false, true, List.of());
    private static final Context HYPOTHETICAL = new Context(false, false, false, true, false, List.of());
    private static final Context HISTORICAL = new Context(false, false, true, false, false, List.of());

    @Test
    void negatedHypotheticalAndFamilyMentionsAreNeverCoded() {
        SuggestionStage stage = new SuggestionStage(null, true, null);
        for (boolean inpatient : new boolean[] {false, true}) {
            assertFalse(stage.isCodable(NEGATED, inpatient));
            assertFalse(stage.isCodable(HYPOTHETICAL, inpatient));
            assertFalse(stage.isCodable(FAMILY, inpatient));
            assertTrue(stage.isCodable(Context.AFFIRMED, inpatient));
            assertTrue(stage.isCodable(HISTORICAL, inpatient));
        }
    }

    @Test
    void uncertainDiagnosesFollowTheInpatientConvention() {
        SuggestionStage inpatientConvention = new SuggestionStage(null, true, null);
        assertFalse(inpatientConvention.isCodable(UNCERTAIN, false));
        assertTrue(inpatientConvention.isCodable(UNCERTAIN, true));
        SuggestionStage never = new SuggestionStage(null, false, null);
        assertFalse(never.isCodable(UNCERTAIN, true));
    }
}
