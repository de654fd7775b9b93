package org.opencac.eval.codiesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencac.eval.codiesp.Fixtures.d;
import static org.opencac.eval.codiesp.Fixtures.span;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.CodingResult;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.dictionaries.CodeSystem;

class DocumentPredictionTest {
    @Test
    void tiesAreBrokenByCodeWhateverTheInputOrder() {
        DocumentPrediction forward = new DocumentPrediction("doc",
                List.of(d("k59.00", 0.5, true), d("b20", 0.5, true), d("z99", 0.9, true)));
        DocumentPrediction backward = new DocumentPrediction("doc",
                List.of(d("b20", 0.5, true), d("z99", 0.9, true), d("k59.00", 0.5, true)));
        List<String> expected = List.of("z99", "b20", "k59.00");
        assertEquals(expected, forward.ranked().stream().map(Candidate::code).toList());
        assertEquals(expected, backward.ranked().stream().map(Candidate::code).toList());
    }

    @Test
    void duplicatesMergeKeepingTheHigherConfidenceAndAllEvidence() {
        DocumentPrediction prediction = new DocumentPrediction("doc",
                List.of(d("b20", 0.3, false, span(0, 3)), d("B20", 0.8, true, span(10, 13))));
        assertEquals(1, prediction.ranked().size());
        Candidate merged = prediction.ranked().get(0);
        assertEquals(0.8, merged.confidence());
        assertTrue(merged.suggested());
        assertEquals(2, merged.evidence().size());
    }

    @Test
    void readsACodingResult() {
        String text = "Paciente con diabetes y colecistectomía.";
        CodeSuggestion diabetes = suggestion(CodeSystem.ICD10CM, "E11.9", 0.9, Evidence.of(text, 13, 21));
        CodeSuggestion surgery = suggestion(CodeSystem.ICD10PCS, "0FT44ZZ", 0.4, Evidence.of(text, 24, 39));
        CodeSuggestion cpt = suggestion(CodeSystem.CPT, "47562", 0.9, Evidence.of(text, 24, 39));
        CodingResult result = new CodingResult(List.of(diabetes, cpt), List.of(diabetes, surgery, cpt), List.of(),
                null);

        DocumentPrediction prediction = DocumentPrediction.fromResult("doc", text, result);

        assertEquals(2, prediction.ranked().size()); // CPT is not scored by CodiEsp
        Candidate d = prediction.suggested(CodeType.D).get(0);
        assertEquals("e11.9", d.code());
        assertEquals(new TextSpan(13, 21, "diabetes"), d.evidence().get(0));
        assertTrue(prediction.suggested(CodeType.P).isEmpty());
        Candidate p = prediction.ranked(CodeType.P).get(0);
        assertEquals("0ft44zz", p.code());
        assertFalse(p.suggested());
    }

    private static CodeSuggestion suggestion(CodeSystem system, String code, double confidence, Evidence evidence) {
        return new CodeSuggestion(system, code, null, confidence, List.of(evidence), null, null, "test", "FY2018");
    }
}
