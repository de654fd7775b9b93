package org.opencac.eval.negex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.eval.negex.NegExEvaluation.Category;
import org.opencac.eval.negex.NegExEvaluation.Result;
import org.opencac.nlp.context.ContextFlags;
import org.opencac.nlp.corpus.NegExReader;
import org.opencac.nlp.tools.ContextEvaluation.Confusion;

class NegExEvaluationTest {
    private static final String HEADER = "line number\tCondition\tsentence\tnegation\ttemporality\texperiencer";

    @Test
    void countsAFalsePositiveWhenTheGoldSaysAffirmed() {
        // The label of row 2 is deliberately wrong ("denies" negates it): the analyzer's flag becomes an FP.
        Result result = NegExEvaluation.evaluate(NegExReader.parse(List.of(HEADER,
                "1\tcough\tPatient denies COUGH.\tNegated\tRecent\tPatient",
                "2\tfever\tPatient denies FEVER.\tAffirmed\tRecent\tPatient")));
        Confusion negation = result.confusions().get(Category.NEGATION);
        assertEquals(new Confusion(1, 1, 0, 0), negation);
        assertEquals(0.5, negation.precision(), 1e-12);
        assertEquals(1.0, negation.recall(), 1e-12);
        List<NegExReport.ErrorRow> errors = NegExReport.errors(result);
        assertEquals(1, errors.size());
        assertEquals("FP", errors.get(0).kind());
        assertEquals("2", errors.get(0).row().item().lineNumber());
        assertTrue(errors.get(0).row().triggers().contains("negated: denies"));
    }

    @Test
    void notFoundConditionIsAffirmedWithoutTriggers() {
        Result result = NegExEvaluation.evaluate(NegExReader.parse(List.of(HEADER,
                "7\tstroke\tNo ACUTE INFARCT.\tNegated\tRecent\tPatient")));
        assertEquals(1, result.conditionsNotFound());
        assertFalse(result.rows().get(0).flags().negated());
        assertTrue(result.rows().get(0).triggers().isEmpty());
        assertEquals(new Confusion(0, 0, 1, 0), result.confusions().get(Category.NEGATION));
    }

    @Test
    void labelsUseTheSetVocabulary() {
        ContextFlags both = new ContextFlags(true, false, true, true, true);
        assertEquals("Negated", NegExEvaluation.negationLabel(both));
        assertEquals("Hypothetical", NegExEvaluation.temporalityLabel(both));
        assertEquals("Historical", NegExEvaluation.temporalityLabel(new ContextFlags(false, false, true, false, false)));
        assertEquals("Recent", NegExEvaluation.temporalityLabel(ContextFlags.AFFIRMED));
        assertEquals("Other", NegExEvaluation.experiencerLabel(both));
        assertEquals("Patient", NegExEvaluation.experiencerLabel(ContextFlags.AFFIRMED));
    }

    @Test
    void triggerTableCountsEachErrorOncePerTrigger() {
        Result result = NegExEvaluation.evaluate(NegExReader.parse(List.of(HEADER,
                "1\tfever\tPatient denies FEVER.\tAffirmed\tRecent\tPatient",
                "2\tcough\tPatient denies COUGH.\tAffirmed\tRecent\tPatient",
                "3\tstroke\tNo ACUTE INFARCT.\tNegated\tRecent\tPatient")));
        List<List<String>> table = NegExReport.triggersAmongErrors(NegExReport.errors(result), 10);
        assertEquals(List.of("negated: denies", "2", "0", "2"), table.get(0));
        assertEquals(List.of(NegExReport.NO_TRIGGER, "0", "1", "1"), table.get(1));
    }
}
