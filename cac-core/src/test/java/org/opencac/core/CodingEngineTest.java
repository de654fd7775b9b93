package org.opencac.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Language;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Note;

/** End to end on the bundled dictionaries and models. */
class CodingEngineTest {
    private static CodingEngine engine;

    @BeforeAll
    static void load() {
        engine = CodingEngine.createDefault();
    }

    private static Optional<CodeSuggestion> find(CodingResult result, String code) {
        return result.suggestions().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    private static void assertEvidencePointsIntoText(String text, CodingResult result) {
        for (CodeSuggestion suggestion : result.ranked()) {
            for (Evidence evidence : suggestion.evidence()) {
                assertEquals(text.substring(evidence.start(), evidence.end()), evidence.text(), suggestion.code());
            }
        }
        for (Mention mention : result.mentions()) {
            assertEquals(text.substring(mention.span().start(), mention.span().end()), mention.text());
        }
    }

    @Test
    void essentialHypertensionIsCodedWithExactEvidence() {
        String text = "Follow-up for essential hypertension; influenza vaccine given.";
        CodingResult result = engine.code(Note.of("n1", text, Language.EN));
        CodeSuggestion i10 = find(result, "I10").orElseThrow(() -> new AssertionError(result.suggestions()));
        assertTrue(i10.evidence().stream().anyMatch(e -> e.text().equalsIgnoreCase("essential hypertension")),
                i10.evidence().toString());
        assertEquals(Assertion.PRESENT, i10.assertion());
        assertEvidencePointsIntoText(text, result);
    }

    @Test
    void deniedChestPainProposesNothingButStaysAsEvidence() {
        String text = "Type 2 diabetes mellitus without complications. Denies chest pain.";
        CodingResult result = engine.code(Note.of("n3", text, Language.EN));
        assertTrue(find(result, "E11.9").isPresent(), result.suggestions().toString());
        assertTrue(result.suggestions().stream().noneMatch(s -> s.code().startsWith("R07")),
                result.suggestions().toString());
        // The learned ranker scores negated candidates too; they may stay in the ranked list, marked negated.
        assertTrue(result.ranked().stream().filter(s -> s.code().startsWith("R07"))
                .allMatch(s -> s.assertion() == Assertion.NEGATED), result.ranked().toString());
        assertTrue(result.mentions().stream()
                .anyMatch(m -> m.code().startsWith("R07") && m.context().negated()), result.mentions().toString());
        assertEvidencePointsIntoText(text, result);
    }

    @Test
    void acuteMyocardialInfarctionIsAnI21Code() {
        String text = "Admitted with acute myocardial infarction of the inferior wall.";
        CodingResult result = engine.code(new Note("n2", text, EncounterType.INPATIENT, null, Language.EN));
        assertTrue(result.suggestions().stream().anyMatch(s -> s.code().startsWith("I21")),
                result.suggestions().toString());
        assertEvidencePointsIntoText(text, result);
    }

    @Test
    void rankedIsBestFirstAndSuggestionsAreItsHead() {
        String text = "Essential hypertension. Type 2 diabetes mellitus. Chronic obstructive pulmonary disease.";
        CodingResult result = engine.code(Note.of("n4", text, Language.EN));
        List<CodeSuggestion> ranked = result.ranked();
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).confidence() >= ranked.get(i).confidence());
        }
        assertEquals(ranked.subList(0, result.suggestions().size()), result.suggestions());
    }

    @Test
    void spanishNoteIsCodedWithSpanishTerms() {
        String text = "Paciente con hipertensión arterial. Niega dolor torácico.";
        CodingResult result = engine.code(Note.of("es1", text, Language.ES));
        assertTrue(find(result, "I10").isPresent(), result.ranked().toString());
        assertEvidencePointsIntoText(text, result);
    }

    @Test
    void emptyNoteGivesNoSuggestions() {
        CodingResult result = engine.code(Note.of("empty", "   ", Language.EN));
        assertTrue(result.suggestions().isEmpty());
        assertFalse(result.analysis().layers().isEmpty());
    }

    @Test
    void codingRulesRunLastAfterSuggestions() {
        for (Language language : Language.values()) {
            List<String> names = engine.pipeline(language).stageNames();
            assertEquals("rules", names.get(names.size() - 1), names.toString());
            assertTrue(names.indexOf("suggest") < names.indexOf("rules"), names.toString());
            assertTrue(engine.pipeline(language).stages().get(names.size() - 1)
                    instanceof org.opencac.core.rules.CodingRulesStage);
        }
    }

    @Test
    void hypertensionWithHeartFailureAndTimedVisitEndToEnd() {
        String text = "Assessment: essential hypertension. Acute on chronic systolic congestive heart failure.\n"
                + "Established patient. Total time spent: 40 minutes.";
        CodingResult result = engine.code(Note.of("n5", text, Language.EN));
        assertTrue(find(result, "I11.0").isPresent(), result.suggestions().toString());
        assertTrue(find(result, "I50.23").isPresent(), result.suggestions().toString());
        assertTrue(result.ranked().stream().noneMatch(s -> s.code().equals("I10")), result.ranked().toString());
        CodeSuggestion visit = find(result, "99215").orElseThrow(() -> new AssertionError(result.suggestions()));
        assertEquals("Total time spent: 40 minutes", visit.evidence().get(0).text());
        assertEquals("rules", visit.stage());
        assertEvidencePointsIntoText(text, result);
    }
}
