package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opencac.core.rules.RulesFixture.cm;
import static org.opencac.core.rules.RulesFixture.codes;
import static org.opencac.core.rules.RulesFixture.find;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.dictionaries.CodeSystem;

class CombinationRuleTest {
    private final CombinationRule bundled = CombinationRule.bundled();

    @Test
    void diabetesWithCkdBecomesE1122AndKeepsTheStageCode() {
        String text = "Type 2 diabetes. CKD stage 3.";
        RuleContext context = RulesFixture.context(text);
        List<CodeSuggestion> out = bundled.apply(context, List.of(
                cm("E11.9", 0.9, text, "Type 2 diabetes"), cm("N18.3", 0.8, text, "CKD stage 3")));
        assertEquals(List.of("N18.3", "E11.22"), codes(out));
        CodeSuggestion combination = find(out, "E11.22");
        assertEquals("Type 2 diabetes mellitus with diabetic chronic kidney disease", combination.description());
        assertEquals(0.8, combination.confidence(), "the lowest confidence of its parts");
        assertEquals(List.of(new Evidence(0, 15, "Type 2 diabetes"), new Evidence(17, 28, "CKD stage 3")),
                combination.evidence());
        assertEquals("rule combination: combination code for E11.9 + N18.3 (type 2 diabetes with diabetic chronic "
                + "kidney disease; the N18 code gives the stage)", combination.rationale());
        assertEquals("rules", combination.stage());
        assertEquals("matched; rule combination: kept as an additional code with combination code E11.22",
                find(out, "N18.3").rationale());
        assertEquals(List.of(new DroppedCode(CodeSystem.ICD10CM, "E11.9", "combination",
                "replaced by combination code E11.22")), context.dropped());
    }

    @Test
    void severalComplicationsGiveSeveralCombinationCodes() {
        String text = "Type 2 diabetes, CKD stage 3, polyneuropathy.";
        RuleContext context = RulesFixture.context(text);
        List<CodeSuggestion> out = bundled.apply(context, List.of(cm("E11.9", 0.9, text, "Type 2 diabetes"),
                cm("N18.3", 0.8, text, "CKD stage 3"), cm("G62.9", 0.7, text, "polyneuropathy")));
        assertEquals(List.of("N18.3", "E11.22", "E11.40"), codes(out));
        assertEquals(List.of("E11.9", "G62.9"), context.dropped().stream().map(DroppedCode::code).toList());
    }

    @Test
    void hypertensionWithHeartFailureBecomesI110PlusTheHeartFailureCode() {
        String text = "Hypertension. Acute on chronic systolic heart failure.";
        List<CodeSuggestion> out = bundled.apply(RulesFixture.context(text), List.of(
                cm("I10", 0.9, text, "Hypertension"), cm("I50.23", 0.85, text, "Acute on chronic systolic heart failure")));
        assertEquals(List.of("I50.23", "I11.0"), codes(out));
    }

    @Test
    void hypertensionWithEndStageRenalDiseaseChoosesTheFirstMatchingRowOfItsGroup() {
        String text = "Hypertension. End stage renal disease.";
        List<CodeSuggestion> out = bundled.apply(RulesFixture.context(text), List.of(
                cm("I10", 0.9, text, "Hypertension"), cm("N18.6", 0.85, text, "End stage renal disease")));
        assertEquals(List.of("N18.6", "I12.0"), codes(out));
    }

    @Test
    void aPartBelowTheThresholdOrAMissingTargetChangesNothing() {
        String text = "Type 2 diabetes. Hyperglycemia.";
        List<CodeSuggestion> weak = List.of(cm("E11.9", 0.9, text, "Type 2 diabetes"), cm("R73.9", 0.3, text, "Hyperglycemia"));
        assertEquals(weak, bundled.apply(RulesFixture.context(text), weak));

        CombinationRule missingTarget = new CombinationRule(List.of(new Combination("g",
                Combination.triggers("E11.9 R73.9"), "E11.29", Combination.triggers("E11.9"), "not in the fixture")));
        List<CodeSuggestion> strong = List.of(cm("E11.9", 0.9, text, "Type 2 diabetes"), cm("R73.9", 0.8, text, "Hyperglycemia"));
        assertEquals(strong, missingTarget.apply(RulesFixture.context(text), strong));
    }

    @Test
    void tableRowsAreParsedAndBadRowsRejected() throws IOException {
        String table = "# comment\n\ng1\tE11.9 G62.9|G60.9\tE11.40\tE11.9 G62.9|G60.9\twith neuropathy\n";
        List<Combination> rows = Combination.read(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new Combination("g1", List.of(List.of("E11.9"), List.of("G62.9", "G60.9")), "E11.40",
                List.of(List.of("E11.9"), List.of("G62.9", "G60.9")), "with neuropathy")), rows);
        assertThrows(IOException.class, () -> Combination.read(new ByteArrayInputStream(
                "g1\tE11.9\tE11.40\n".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class, () -> new Combination("g", Combination.triggers("I10 I50"),
                "I11.0", Combination.triggers("N18"), "removes a code that is not a trigger"));
    }
}
