package org.opencac.core.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void isotonicMapIsMonotoneAndInUnitInterval() {
        Random random = new Random(1);
        int n = 2000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            labels[i] = random.nextDouble() < scores[i] * scores[i]; // over-confident raw scores
        }
        Calibration calibration = Calibration.fit(scores, labels);
        double previous = -1;
        for (int step = -10; step <= 110; step++) {
            double value = calibration.apply(step / 100.0);
            assertTrue(value >= previous - 1e-12, "monotone at " + step);
            assertTrue(value >= 0 && value <= 1);
            previous = value;
        }
        assertTrue(calibration.apply(0.5) < 0.4, "0.5 raw is right about 25% of the time");
    }

    @Test
    void poolsViolatorsExactly() {
        Calibration calibration = Calibration.fit(new double[] {0.1, 0.2, 0.3, 0.4},
                new boolean[] {false, true, false, true});
        // 0.2 (1) and 0.3 (0) violate the order and are pooled to 0.5 at x = 0.25.
        assertEquals(0.0, calibration.apply(0.1), 2 * Calibration.TIE_BREAK);
        assertEquals(0.5, calibration.apply(0.25), 2 * Calibration.TIE_BREAK);
        assertEquals(1.0, calibration.apply(0.4), 2 * Calibration.TIE_BREAK);
    }

    @Test
    void reliabilityTableAndExpectedError() {
        double[] confidences = {0.05, 0.05, 0.95, 0.95};
        boolean[] labels = {false, true, true, true};
        List<Calibration.Bin> table = Calibration.table(confidences, labels, 10);
        assertEquals(10, table.size());
        assertEquals(2, table.get(0).count());
        assertEquals(0.5, table.get(0).accuracy(), 1e-12);
        // |0.5 - 0.05| * 2 + |1 - 0.95| * 2, over 4
        assertEquals((0.45 * 2 + 0.05 * 2) / 4, Calibration.expectedCalibrationError(table), 1e-12);
    }

    @Test
    void cardRoundTripsThroughJson() throws Exception {
        RankerCard card = new RankerCard(RankerCard.FORMAT, "v", "es", List.of("a"), Map.of("a", 1.5), -0.5,
                new Calibration(new double[] {0.1, 0.9}, new double[] {0.2, 0.8}), Map.of("ICD-10-CM", 0.4), 30,
                Map.of("data", "x"), Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        card.write(out);
        RankerCard back = RankerCard.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(card.calibration(), back.calibration());
        assertEquals(0.4, back.threshold("ICD-10-CM", 0.5));
        assertEquals(0.5, back.threshold("ICD-10-PCS", 0.5));
    }

    @Test
    void flatEndsStillKeepTheModelsOrder() {
        Calibration calibration = new Calibration(new double[] {0.2, 0.8}, new double[] {0.1, 0.9});
        assertTrue(calibration.apply(0.9) > calibration.apply(0.85), "above the last point");
        assertTrue(calibration.apply(0.05) < calibration.apply(0.1), "below the first point");
        assertEquals(0.9, calibration.apply(0.95), 2 * Calibration.TIE_BREAK);
    }
}
