package org.opencac.core.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Context;
import org.opencac.core.model.Span;
import org.opencac.nlp.context.ContextFlags;
import org.opencac.nlp.context.ContextResult;
import org.opencac.nlp.context.TriggerHit;
import org.opencac.nlp.text.TextSpan;

class ContextStageTest {

    @Test
    void familyHistorySectionMakesAMentionTheFamilys() {
        Context context = ContextStage.combine(null, "FAMILY_HISTORY");
        assertTrue(context.family());
        assertFalse(context.historical());
        assertEquals(List.of("section: family history"), context.triggers());
    }

    @Test
    void pastHistorySectionMakesAMentionHistorical() {
        assertTrue(ContextStage.combine(null, "PAST_MEDICAL_HISTORY").historical());
        assertFalse(ContextStage.combine(null, "ASSESSMENT_AND_PLAN").historical());
    }

    @Test
    void sentenceTriggersAreKeptAsRationale() {
        ContextResult negated = new ContextResult(new ContextFlags(true, false, false, false, false),
                List.of(new TriggerHit(new TextSpan(0, 6), "negation", "denies")));
        Context context = ContextStage.combine(negated, null);
        assertTrue(context.negated());
        assertEquals(List.of("negation: denies"), context.triggers());
    }

    @Test
    void sentenceIndexFindsTheSentenceHoldingTheMention() {
        List<Span> sentences = List.of(new Span(0, 10), new Span(12, 30), new Span(31, 40));
        assertEquals(0, ContextStage.sentenceIndex(sentences, new Span(3, 5)));
        assertEquals(1, ContextStage.sentenceIndex(sentences, new Span(12, 14)));
        assertEquals(2, ContextStage.sentenceIndex(sentences, new Span(39, 40)));
        assertEquals(-1, ContextStage.sentenceIndex(sentences, new Span(10, 11)));
    }

    @Test
    void aHeadingAtTheStartOfASentenceIsCutOff() {
        org.opencac.nlp.sections.Section hpi = new org.opencac.nlp.sections.Section(0, 60, 28,
                org.opencac.nlp.sections.SectionType.HISTORY_OF_PRESENT_ILLNESS, "HISTORY OF PRESENT ILLNESS");
        assertEquals(new Span(28, 50), ContextStage.withoutHeading(new Span(0, 50), List.of(hpi)));
        assertEquals(new Span(52, 58), ContextStage.withoutHeading(new Span(52, 58), List.of(hpi)));
    }
}
