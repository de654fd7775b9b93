package org.opencac.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.nlp.corpus.Prf;

class ThresholdSweepTest {
    @Test
    void cutOffsRunFromZeroToOneInExactSteps() {
        List<Double> cutOffs = ThresholdSweep.cutOffs(20);
        assertEquals(21, cutOffs.size());
        assertEquals(0.0, cutOffs.get(0));
        assertEquals(0.35, cutOffs.get(7));
        assertEquals(1.0, cutOffs.get(20));
    }

    @Test
    void bestPicksHighestF1AndTheLowestCutOffOnTies() {
        List<ThresholdSweep.Point> points = List.of(
                new ThresholdSweep.Point(0.0, new Prf(1, 9, 0)),
                new ThresholdSweep.Point(0.5, new Prf(1, 1, 0)),
                new ThresholdSweep.Point(0.6, new Prf(1, 1, 0)),
                new ThresholdSweep.Point(0.9, new Prf(0, 0, 1)));
        assertEquals(0.5, ThresholdSweep.best(points).threshold());
    }

    @Test
    void passesIsInclusive() {
        assertTrue(ThresholdSweep.passes(0.5, 0.5));
        assertTrue(ThresholdSweep.passes(0.1 + 0.2, 0.3));
        assertFalse(ThresholdSweep.passes(0.49, 0.5));
    }
}
