package org.opencac.eval.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.CodingResult;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.eval.codiesp.CodeKey;
import org.opencac.eval.codiesp.CodeType;
import org.opencac.eval.codiesp.GoldReference;
import org.opencac.eval.codiesp.TextSpan;

class TrainLookupBaselineTest {
    private static GoldReference train(CodeType type, String code, String evidence) {
        return new GoldReference(new CodeKey("t", type, code), evidence, new TextSpan(0, evidence.length(), evidence),
                "0 " + evidence.length());
    }

    private final TrainLookupBaseline baseline = TrainLookupBaseline.fromReferences(List.of(
            train(CodeType.D, "n39.0", "infección urinaria"),
            train(CodeType.D, "b99.9", "infección"),
            train(CodeType.D, "b99.9", "infección"),
            train(CodeType.D, "a49.9", "Infección"),
            train(CodeType.D, "r50.9", "fiebre")), 0.0);

    private CodingResult code(String text) {
        return baseline.code(Note.of("doc", text, Language.ES));
    }

    @Test
    void longestStringWinsAndShorterOverlapsAreDropped() {
        CodingResult result = code("Presenta Infección urinaria.");
        assertEquals(List.of("N39.0"), result.ranked().stream().map(CodeSuggestion::code).toList());
        assertEquals(9, result.ranked().get(0).evidence().get(0).start());
        assertEquals("Infección urinaria", result.ranked().get(0).evidence().get(0).text());
    }

    @Test
    void matchesOnlyWholeWords() {
        assertTrue(code("afiebrada").ranked().isEmpty());
        assertEquals(1, code("sin fiebre, tos").ranked().size());
    }

    @Test
    void ranksCodesByHowOftenTheStringHadThemInTraining() {
        // "infección" (case-insensitive) was coded b99.9 twice and a49.9 once
        List<CodeSuggestion> ranked = code("Una infección leve.").ranked();
        assertEquals(List.of("B99.9", "A49.9"), ranked.stream().map(CodeSuggestion::code).toList());
        assertTrue(ranked.get(0).confidence() > ranked.get(1).confidence());
    }

    @Test
    void knowsEachDistinctStringOnce() {
        assertEquals(3, baseline.termCount());
    }
}
