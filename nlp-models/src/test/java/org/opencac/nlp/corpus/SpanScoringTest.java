package org.opencac.nlp.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.nlp.text.TextSpan;

class SpanScoringTest {
    @Test
    void sentenceBoundariesCompareEndOffsets() {
        // Gold ends 10, 20, 30; predicted 10, 15, 30, 40. The document end (30) is not scored:
        // gold {10, 20}, predicted {10, 15, 40} -> TP 1, FP 2, FN 1.
        List<TextSpan> gold = List.of(new TextSpan(0, 10), new TextSpan(11, 20), new TextSpan(21, 30));
        List<TextSpan> predicted = List.of(new TextSpan(0, 10), new TextSpan(11, 15), new TextSpan(16, 30),
                new TextSpan(31, 40));
        Prf prf = SpanScoring.sentenceBoundaries(gold, predicted);
        assertEquals(new Prf(1, 2, 1), prf);
        assertEquals(1.0 / 3, prf.precision(), 1e-9);
        assertEquals(0.5, prf.recall(), 1e-9);
        assertEquals(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), prf.f1(), 1e-9);
    }

    @Test
    void tokensMustMatchBothOffsets() {
        // "5 mg/kg": gold 5 | mg/kg ; predicted 5 | mg | / | kg -> TP 1, FP 3, FN 1.
        List<TextSpan> gold = List.of(new TextSpan(0, 1), new TextSpan(2, 7));
        List<TextSpan> predicted = List.of(new TextSpan(0, 1), new TextSpan(2, 4), new TextSpan(4, 5),
                new TextSpan(5, 7));
        assertEquals(new Prf(1, 3, 1), SpanScoring.exactSpans(gold, predicted));
    }

    @Test
    void emptyPredictionsScoreZeroNotNaN() {
        Prf prf = SpanScoring.exactSpans(List.of(new TextSpan(0, 1)), List.of());
        assertEquals(0.0, prf.precision());
        assertEquals(0.0, prf.f1());
        assertEquals(new Prf(3, 1, 2), new Prf(1, 1, 0).plus(new Prf(2, 0, 2)));
    }
}
