package org.opencac.eval.codiesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencac.eval.codiesp.Fixtures.d;
import static org.opencac.eval.codiesp.Fixtures.p;
import static org.opencac.eval.codiesp.Fixtures.reference;
import static org.opencac.eval.codiesp.Fixtures.span;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencac.nlp.corpus.Prf;

class CodiespScorerTest {
    // Gold: doc1 D {a00.1, b20, c34.1}, P {bw03zzz}; doc2 D {e11.9}; doc3 has no gold.
    private final CodiespGold gold = new CodiespGold("fixture", Set.of(
            new CodeKey("doc1", CodeType.D, "a00.1"), new CodeKey("doc1", CodeType.D, "b20"),
            new CodeKey("doc1", CodeType.D, "c34.1"), new CodeKey("doc1", CodeType.P, "bw03zzz"),
            new CodeKey("doc2", CodeType.D, "e11.9")),
            List.of(reference("doc1", CodeType.D, "a00.1", "fiebre", 100, 120),
                    // discontinuous "10 20;35 42" is read as 10..42
                    reference("doc1", CodeType.D, "b20", "vih", 10, 42),
                    reference("doc1", CodeType.P, "bw03zzz", "radiografía", 50, 61),
                    reference("doc2", CodeType.D, "e11.9", "diabetes", 0, 8)));

    private final List<DocumentPrediction> predictions = List.of(
            new DocumentPrediction("doc1", List.of(
                    d("a00.1", 0.9, true, span(95, 125)),   // X: 5 slack each side -> TP
                    d("b20", 0.8, true, span(10, 30)),      // X: does not reach 42 -> FP
                    d("a00.1", 0.4, true),                  // duplicate: counts once
                    d("c34.9", 0.7, true),                  // wrong code, right category; no span
                    d("z99", 0.3, false),                   // ranked only
                    p("bw03zzz", 0.6, true, span(50, 61)))),
            new DocumentPrediction("doc2", List.of()),      // empty predictions
            new DocumentPrediction("doc3", List.of(d("r52", 0.9, true)))); // document without gold

    private final CodiespScores scores = CodiespScorer.score(gold, predictions, true);

    @Test
    void documentLevelCodesAreMicroAveragedPairs() {
        // predicted {1:a00.1, 1:b20, 1:c34.9, 3:r52} vs gold {1:a00.1, 1:b20, 1:c34.1, 2:e11.9}
        assertEquals(new Prf(2, 2, 2), scores.diagnoses().codes());
        assertEquals(new Prf(1, 0, 0), scores.procedures().codes());
    }

    @Test
    void categoryLevelComparesTheFirstThreeCharacters() {
        // predicted {1:A00, 1:B20, 1:C34, 3:R52} vs gold {1:A00, 1:B20, 1:C34, 2:E11}
        assertEquals(new Prf(3, 1, 1), scores.diagnoses().categories());
    }

    @Test
    void sevenCharacterProcedureMatchesAFourAxisGoldCodeOnlyInThePrefix4Figure() {
        CodiespGold shortGold = new CodiespGold("short", Set.of(new CodeKey("doc1", CodeType.P, "bn20")), List.of());
        CodiespScores shortScores = CodiespScorer.score(shortGold, List.of(new DocumentPrediction("doc1",
                List.of(p("bn20zzz", 0.9, true), p("bn21zzz", 0.8, true)))), false);
        assertEquals(new Prf(0, 2, 1), shortScores.procedures().codes());
        assertEquals(new Prf(1, 1, 0), shortScores.procedures().prefix4Codes());
    }

    @Test
    void mapAveragesOverDocumentsWithGold() {
        // doc1 ranked a00.1, b20, c34.9, z99 against {a00.1, b20, c34.1}: AP = (1/1 + 2/2) / 3 = 2/3
        // doc2 has gold but no ranking: AP 0; doc3 has no gold: left out. MAP = (2/3 + 0) / 2 = 1/3
        assertEquals(1.0 / 3.0, scores.diagnoses().map(), 1e-12);
        assertEquals(2, scores.diagnoses().documentsWithGold());
        assertEquals(1.0, scores.procedures().map(), 1e-12);
    }

    @Test
    void referencesNeedTheRightCodeAndACoveringSpan() {
        // predicted pairs with spans: 1:a00.1 (TP), 1:b20 (FP), 1:bw03zzz (TP); gold pairs: 4
        assertEquals(new Prf(2, 1, 2), scores.references().orElseThrow());
    }

    @Test
    void referencesAreNotScoredOnEnglish() {
        assertTrue(CodiespScorer.score(gold, predictions, false).references().isEmpty());
    }

    @Test
    void sweepUsesTheRankedListAtEachCutOff() {
        // at 0.85 only 1:a00.1 and 3:r52 pass
        Prf at085 = scores.diagnoses().sweep().stream().filter(pt -> Math.abs(pt.threshold() - 0.85) < 1e-9)
                .findFirst().orElseThrow().prf();
        assertEquals(new Prf(1, 1, 3), at085);
        // at 0.00 the ranked-only z99 counts too
        assertEquals(new Prf(2, 3, 2), scores.diagnoses().sweep().get(0).prf());
    }

    @Test
    void errorsListFalsePositivesAndFalseNegativesWithGoldEvidence() {
        List<ErrorRow> diagnosisErrors = scores.errors().stream().filter(e -> e.type() == CodeType.D).toList();
        assertEquals(Set.of("FP doc1 c34.9", "FP doc3 r52", "FN doc1 c34.1", "FN doc2 e11.9"),
                Set.copyOf(diagnosisErrors.stream().map(e -> e.kind() + " " + e.docId() + " " + e.code()).toList()));
        ErrorRow missedDiabetes = diagnosisErrors.stream().filter(e -> e.code().equals("e11.9")).findFirst()
                .orElseThrow();
        assertEquals("diabetes", missedDiabetes.evidence());
        assertTrue(Double.isNaN(missedDiabetes.confidence()));
    }

    @Test
    void groupsByChapterAndSection() {
        Prf infectious = scores.diagnoses().byGroup().get(CodeGroups.chapter("a00.1"));
        assertEquals(new Prf(2, 0, 0), infectious); // a00.1 and b20 are both in A00-B99
        assertEquals(new Prf(1, 0, 0), scores.procedures().byGroup().get("B Imaging"));
    }
}
