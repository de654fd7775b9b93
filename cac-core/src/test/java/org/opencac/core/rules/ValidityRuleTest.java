package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencac.core.rules.RulesFixture.cm;
import static org.opencac.core.rules.RulesFixture.codes;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.dictionaries.CodeSystem;

class ValidityRuleTest {
    private static final String TEXT = "Type 2 diabetes with hyperglycemia. Chest x-ray.";

    @Test
    void codeDeletedInTheReleaseInForceIsDroppedAndListed() {
        List<CodeSuggestion> input = List.of(cm("E11.65", 0.9, TEXT, "Type 2 diabetes with hyperglycemia"));
        RuleContext in2026 = RulesFixture.context(TEXT, RulesFixture.FY2026_DATE, EncounterType.OUTPATIENT);
        assertEquals(List.of(), new ValidityRule().apply(in2026, input));
        assertEquals(List.of(new DroppedCode(CodeSystem.ICD10CM, "E11.65", "validity",
                "not in the ICD-10-CM release in force on 2026-01-15 (FY2026)")), in2026.dropped());

        RuleContext in2018 = RulesFixture.context(TEXT);
        assertEquals(input, new ValidityRule().apply(in2018, input), "valid codes pass unchanged");
        assertEquals(List.of(), in2018.dropped());
    }

    @Test
    void unknownCodeIsDroppedButPcsPartialCodeStays() {
        RuleContext context = RulesFixture.context(TEXT);
        List<CodeSuggestion> kept = new ValidityRule().apply(context, List.of(
                cm("E11.99", 0.9, TEXT, "Type 2 diabetes"),
                RulesFixture.suggestion(CodeSystem.ICD10PCS, "BW03", 0.8, TEXT, "Chest x-ray")));
        assertEquals(List.of("BW03"), codes(kept));
        assertEquals("suggest", kept.get(0).stage(), "a kept code is not marked as changed");
        assertEquals("E11.99", context.dropped().get(0).code());
    }
}
