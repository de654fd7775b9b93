package org.opencac.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rationale's number formatting gives exactly what String.format gave. */
class RationaleNumbersTest {
    @Test
    void sameTextAsStringFormat() {
        double[] edges = {0.0, -0.0, 0.005, 0.015, 0.025, 0.125, 1.005, 2.675, -0.001, -0.004999, -0.005, 0.995,
                0.9949999, 1e-9, -1e-9, 1e-5, 123456.785, -7.5, 0.1 + 0.2, 1.0 / 3, Double.MIN_VALUE, 1e20,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.nextUp(0.125),
                Math.nextDown(0.125), Math.nextUp(2.675), Math.nextDown(-2.675), 0.28999999999999998,
                0.29000000000000004,
                999_999.994, 999_999.995, 999_999.996, 1e6, 1_000_000.005, -1_234_567.891, 12_345.0049999999};
        for (double value : edges) {
            check(value);
        }
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            check((random.nextDouble() - 0.5) * 8);
            check(Math.round(random.nextDouble() * 100_000) / 100_000.0 - 0.5); // many values on a half cent
        }
    }

    @Test
    void appendsAfterExistingText() {
        StringBuilder text = new StringBuilder("ranker ");
        RationaleNumbers.appendTwoDecimals(text, 0.8349, false).append(" x ");
        RationaleNumbers.appendTwoDecimals(text, -1.005, true).append(' ');
        RationaleNumbers.appendTwoDecimals(text, 3.0, true);
        assertEquals("ranker " + String.format(Locale.ROOT, "%.2f x %+.2f %+.2f", 0.8349, -1.005, 3.0),
                text.toString());
    }

    private static void check(double value) {
        assertEquals(String.format(Locale.ROOT, "%.2f", value), RationaleNumbers.twoDecimals(value, false), "" + value);
        assertEquals(String.format(Locale.ROOT, "%+.2f", value), RationaleNumbers.twoDecimals(value, true), "" + value);
    }
}
