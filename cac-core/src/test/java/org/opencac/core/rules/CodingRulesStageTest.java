package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencac.core.rules.RulesFixture.cm;
import static org.opencac.core.rules.RulesFixture.codes;
import static org.opencac.core.rules.RulesFixture.find;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;

class CodingRulesStageTest {

    @Test
    void standardRulesRunInTheDocumentedOrder() {
        List<String> names = CodingRulesStage.standardRules().stream().map(CodingRule::name).toList();
        assertEquals(List.of("validity", "combination", "specificity", "excludes1", "em-level"), names);
        CodingRulesStage stage = new CodingRulesStage(RulesFixture.dictionaries(), null, 0.5);
        assertEquals("rules", stage.name());
        assertEquals(java.util.Set.of(Layer.SUGGESTIONS), stage.requires());
        assertEquals(java.util.Set.of(Layer.RULES_APPLIED), stage.provides());
    }

    @Test
    void theStageCallsEachRuleInOrderOnTheOutputOfThePreviousOne() {
        List<String> calls = new ArrayList<>();
        CodingRule first = recording("first", calls);
        CodingRule second = recording("second", calls);
        String text = "Hypertension.";
        AnalyzedNote note = RulesFixture.analyzed(text, RulesFixture.FY2018_DATE, EncounterType.OUTPATIENT,
                List.of(cm("I10", 0.9, text, "Hypertension")));
        new CodingRulesStage(RulesFixture.dictionaries(), null, 0.5, List.of(first, second)).apply(note);
        assertEquals(List.of("first saw 1", "second saw 0"), calls);
    }

    private static CodingRule recording(String name, List<String> calls) {
        return new CodingRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<CodeSuggestion> apply(RuleContext context, List<CodeSuggestion> suggestions) {
                calls.add(name + " saw " + suggestions.size());
                return List.of(); // the second rule must see what the first returned
            }
        };
    }

    @Test
    void oneNoteThroughAllRules() {
        String text = "Hypertension. Heart failure. Type 2 diabetes. Type 1 diabetes. Hyperglycemia. "
                + "Total time spent: 25 minutes.";
        List<CodeSuggestion> in = List.of(
                cm("I10", 0.9, text, "Hypertension"),
                cm("I50", 0.8, text, "Heart failure"),
                cm("E11.9", 0.85, text, "Type 2 diabetes"),
                cm("E10.9", 0.6, text, "Type 1 diabetes"),
                cm("R73.9", 0.7, text, "Hyperglycemia"),
                cm("E11.65", 0.5, text, "Type 2 diabetes"));
        AnalyzedNote note = RulesFixture.analyzed(text, RulesFixture.FY2026_DATE, EncounterType.OUTPATIENT, in);
        RulesOutcome outcome = new CodingRulesStage(RulesFixture.dictionaries(), null, 0.5).applyRules(note);
        List<CodeSuggestion> out = outcome.note().suggestions();
        // validity drops E11.65 (not in the fixture's FY2026), so E11.9 + R73.9 has no combination code there;
        // combination: I10 + I50 -> I11.0; specificity: I50 -> I50.9; excludes1: E10.9 loses to E11.9;
        // E/M: 99213 (0.90 x 0.9). Sorted by confidence, then code.
        assertEquals(List.of("E11.9", "99213", "I11.0", "I50.9", "R73.9"), codes(out));
        assertTrue(find(out, "I11.0").rationale().startsWith("rule combination: combination code for I10 + I50"));
        assertTrue(find(out, "I50.9").rationale().contains("rule combination: kept as an additional code with "
                + "combination code I11.0; rule specificity: replaced header I50 by I50.9"), find(out, "I50.9").rationale());
        assertTrue(find(out, "E11.9").rationale().endsWith("rule excludes1: dropped E10.9 (Excludes1: not coded "
                + "together; this code has the higher confidence, 0.85 vs 0.60)"));
        assertEquals(List.of("validity E11.65", "combination I10", "excludes1 E10.9"),
                outcome.dropped().stream().map(d -> d.rule() + " " + d.code()).toList());
        for (CodeSuggestion suggestion : out) {
            assertEquals("rules", suggestion.stage(), suggestion.code() + " was changed by a rule");
        }
        assertTrue(outcome.note().has(Layer.RULES_APPLIED));
    }
}
