package org.opencac.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;

class CodeSuggestionJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serialisesThePublicShapeAndReadsItBack() throws Exception {
        String text = "Follow-up for essential hypertension.";
        CodeSuggestion suggestion = new CodeSuggestion(CodeSystem.ICD10CM, "I10", "Essential (primary) hypertension",
                0.93, List.of(Evidence.of(text, 14, 36)), Assertion.PRESENT, "exact title", "suggest", "FY2018");
        JsonNode node = json.readTree(json.writeValueAsString(suggestion));
        assertEquals("ICD-10-CM", node.get("system").asText());
        assertEquals("I10", node.get("code").asText());
        assertEquals("essential hypertension", node.get("evidence").get(0).get("text").asText());
        assertEquals(14, node.get("evidence").get(0).get("start").asInt());
        assertEquals("present", node.get("assertion").asText());
        assertFalse(node.has("codeSystem"));
        assertEquals(suggestion, json.readValue(json.writeValueAsString(suggestion), CodeSuggestion.class));
    }

    @Test
    void confidenceOutsideZeroOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CodeSuggestion(CodeSystem.ICD10CM, "I10", "x", 1.2,
                List.of(), Assertion.PRESENT, "", "s", "FY2018"));
        assertThrows(IllegalArgumentException.class, () -> new CodeSuggestion(CodeSystem.ICD10CM, "I10", "x",
                Double.NaN, List.of(), Assertion.PRESENT, "", "s", "FY2018"));
    }

    @Test
    void noteToStringNeverContainsTheText() {
        Note note = Note.of("n1", "Patient John Doe has syphilis", Language.EN);
        assertFalse(note.toString().contains("syphilis"));
        assertTrue(note.toString().contains("chars=29"));
    }

    @Test
    void contextPicksTheAssertionThatMattersMost() {
        assertEquals(Assertion.NEGATED, new Context(true, true, true, false, false, List.of()).assertion());
        assertEquals(Assertion.FAMILY, new Context(false, true, false, false, true, List.of()).assertion());
        assertEquals(Assertion.UNCERTAIN, new Context(false, true, true, false, false, List.of()).assertion());
        assertEquals(Assertion.HISTORICAL, new Context(false, false, true, false, false, List.of()).assertion());
        assertEquals(Assertion.PRESENT, Context.AFFIRMED.assertion());
    }
}
