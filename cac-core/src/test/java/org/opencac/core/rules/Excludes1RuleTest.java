package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencac.core.rules.RulesFixture.cm;
import static org.opencac.core.rules.RulesFixture.codes;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.dictionaries.CodeSystem;

class Excludes1RuleTest {
    private static final String TEXT = "Type 1 diabetes. Type 2 diabetes. Hypertension.";

    @Test
    void theLessConfidentOfTwoExcludedCodesIsDroppedWithTheReason() {
        RuleContext context = RulesFixture.context(TEXT);
        List<CodeSuggestion> out = new Excludes1Rule().apply(context, List.of(
                cm("E10.9", 0.6, TEXT, "Type 1 diabetes"), cm("E11.9", 0.8, TEXT, "Type 2 diabetes"),
                cm("I10", 0.7, TEXT, "Hypertension")));
        assertEquals(List.of("E11.9", "I10"), codes(out));
        assertEquals("matched; rule excludes1: dropped E10.9 (Excludes1: not coded together; this code has the higher "
                + "confidence, 0.80 vs 0.60)", out.get(0).rationale());
        assertEquals("rules", out.get(0).stage());
        assertEquals("matched", out.get(1).rationale());
        assertEquals(List.of(new DroppedCode(CodeSystem.ICD10CM, "E10.9", "excludes1",
                "Excludes1 with E11.9 (confidence 0.80 vs 0.60)")), context.dropped());
    }

    @Test
    void theRelationIsFoundFromEitherSide() {
        RuleContext context = RulesFixture.context(TEXT);
        List<CodeSuggestion> out = new Excludes1Rule().apply(context, List.of(
                cm("E11.9", 0.6, TEXT, "Type 2 diabetes"), cm("E10.9", 0.9, TEXT, "Type 1 diabetes")));
        assertEquals(List.of("E10.9"), codes(out));
        assertEquals("E11.9", context.dropped().get(0).code());
    }

    @Test
    void unrelatedCodesAreKept() {
        List<CodeSuggestion> in = List.of(cm("E11.9", 0.6, TEXT, "Type 2 diabetes"), cm("I10", 0.9, TEXT, "Hypertension"));
        assertEquals(in, new Excludes1Rule().apply(RulesFixture.context(TEXT), in));
    }
}
