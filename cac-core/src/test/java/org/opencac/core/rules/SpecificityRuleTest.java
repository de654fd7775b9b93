package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencac.core.rules.RulesFixture.cm;
import static org.opencac.core.rules.RulesFixture.codes;
import static org.opencac.core.rules.RulesFixture.find;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.dictionaries.CodeSystem;

class SpecificityRuleTest {
    private final SpecificityRule rule = new SpecificityRule();

    @Test
    void headerIsDroppedAndItsEvidenceMergedWhenABillableCodeBelowIsSuggested() {
        String text = "Heart failure. Acute on chronic systolic heart failure.";
        RuleContext context = RulesFixture.context(text);
        List<CodeSuggestion> out = rule.apply(context, List.of(
                cm("I50", 0.7, text, "Heart failure"),
                cm("I50.23", 0.9, text, "Acute on chronic systolic heart failure")));
        assertEquals(List.of("I50.23"), codes(out));
        CodeSuggestion kept = out.get(0);
        assertEquals(List.of(new Evidence(0, 13, "Heart failure"),
                new Evidence(15, 54, "Acute on chronic systolic heart failure")), kept.evidence());
        assertEquals("matched; rule specificity: merged evidence of header I50 (dropped; this code is more specific)",
                kept.rationale());
        assertEquals("rules", kept.stage());
        assertEquals("specificity", context.dropped().get(0).rule());
    }

    @Test
    void headerWithOneBillableCodeIsReplacedByIt() {
        String text = "Systolic heart failure.";
        List<CodeSuggestion> out = rule.apply(RulesFixture.context(text), List.of(cm("I50.2", 0.8, text, "Systolic heart failure")));
        CodeSuggestion replaced = find(out, "I50.23");
        assertEquals("Acute on chronic systolic (congestive) heart failure", replaced.description());
        assertEquals(new Evidence(0, 22, "Systolic heart failure"), replaced.evidence().get(0));
        assertEquals(0.8, replaced.confidence());
        assertTrue(replaced.rationale().endsWith("rule specificity: replaced header I50.2 by its only billable code I50.23"),
                replaced.rationale());
    }

    @Test
    void headerIsReplacedByItsUnspecifiedChildAndTheChoiceIsFlagged() {
        String text = "Heart failure.";
        List<CodeSuggestion> out = rule.apply(RulesFixture.context(text), List.of(cm("I50", 0.8, text, "Heart failure")));
        assertEquals(List.of("I50.9"), codes(out));
        assertEquals("matched; rule specificity: replaced header I50 by I50.9 (\"unspecified\" choice: document more "
                + "detail for a specific code)", out.get(0).rationale());
        assertEquals("rules", out.get(0).stage());
    }

    @Test
    void headerWithoutAnUnspecifiedChildStaysFlaggedAndNeverBecomesAGrandchild() {
        // E11.40 ends in "unspecified" but is a grandchild of E11 (below E11.4): it must not be chosen.
        String text = "Type 2 diabetes.";
        List<CodeSuggestion> out = rule.apply(RulesFixture.context(text), List.of(cm("E11", 0.8, text, "Type 2 diabetes")));
        assertEquals(List.of("E11"), codes(out));
        assertEquals("matched; rule specificity: header code E11 is not billable: a more specific code is needed",
                out.get(0).rationale());
    }

    @Test
    void everyUnspecifiedCodeIsFlaggedAndOthersAreUntouched() {
        String text = "Hyperglycemia. Hypertension.";
        List<CodeSuggestion> out = rule.apply(RulesFixture.context(text), List.of(
                cm("R73.9", 0.8, text, "Hyperglycemia"), cm("I10", 0.8, text, "Hypertension")));
        assertEquals("matched; rule specificity: \"unspecified\" code: check whether the note supports a more "
                + "specific one", find(out, "R73.9").rationale());
        assertEquals("matched", find(out, "I10").rationale());
        assertEquals("suggest", find(out, "I10").stage());
    }

    @Test
    void pcsPartialCodesAreNeverRewritten() {
        String text = "Chest x-ray.";
        CodeSuggestion pcs = RulesFixture.suggestion(CodeSystem.ICD10PCS, "BW03", 0.8, text, "Chest x-ray");
        RuleContext context = RulesFixture.context(text);
        assertEquals(List.of(pcs), rule.apply(context, List.of(pcs)));
        assertFalse(context.dropped().iterator().hasNext());
    }
}
