package org.opencac.eval.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BestCutOffTest {

    @Test
    void picksTheCutOffWithTheBestF1CountingUnreachableGold() {
        // Two right codes at 0.9 and 0.6, a wrong one at 0.7 and one at 0.2; four gold codes in all.
        List<double[]> scored = List.of(new double[] {0.9, 1}, new double[] {0.7, 0}, new double[] {0.6, 1},
                new double[] {0.2, 0});
        double[] best = RankerTraining.bestCutOff(scored, 4);
        // At 0.21..0.60: 2 right of 3 predicted, F1 = 4 / 7; at 0.61..0.70 only 1 of 2 (F1 1/3).
        assertEquals(0.21, best[0], 1e-9);
        assertEquals(4.0 / 7.0, best[1], 1e-9);
    }

    @Test
    void noGoldAndNoPredictionScoresZero() {
        double[] best = RankerTraining.bestCutOff(List.of(new double[] {0.005, 0}), 0);
        assertEquals(0.0, best[1], 1e-9);
        assertEquals(0.01, best[0], 1e-9);
    }
}
