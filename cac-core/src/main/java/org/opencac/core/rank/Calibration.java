package org.opencac.core.rank;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic calibration: a non-decreasing map from raw model scores to probabilities, fitted by pool-adjacent-
 * violators on held-out (out-of-fold) scores. Between the fitted points the map interpolates linearly; outside
 * them it is flat. The identity map is used when nothing was fitted.
 *
 * @param x raw scores of the fitted blocks (increasing)
 * @param y calibrated probability at each x (non-decreasing)
 */
public record Calibration(@JsonProperty("x") double[] x, @JsonProperty("y") double[] y) {
    @JsonCreator
    public Calibration {
        if (x.length != y.length) {
            throw new IllegalArgumentException("calibration x and y differ in length");
        }
        x = x.clone();
        y = y.clone();
    }

    public static Calibration identity() {
        return new Calibration(new double[] {0.0, 1.0}, new double[] {0.0, 1.0});
    }

    /** Fits the isotonic map of labels on scores (pool-adjacent-violators, blocks weighted by size). */
    public static Calibration fit(double[] scores, boolean[] labels) {
        int n = scores.length;
        if (n == 0) {
            return identity();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        List<double[]> blocks = new ArrayList<>(); // {sumScore, sumLabel, count}
        for (int idx : order) {
            blocks.add(new double[] {scores[idx], labels[idx] ? 1 : 0, 1});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] previous = blocks.get(blocks.size() - 2);
                if (previous[1] / previous[2] < last[1] / last[2]) {
                    break;
                }
                previous[0] += last[0];
                previous[1] += last[1];
                previous[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] bx = new double[blocks.size()];
        double[] by = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            double[] block = blocks.get(b);
            bx[b] = block[0] / block[2];
            by[b] = block[1] / block[2];
        }
        return new Calibration(bx, by);
    }

    /**
     * Share of the raw score blended into the calibrated value, so that the map is strictly increasing: candidates
     * the isotonic map would put level (its flat ends) keep the model's order, which ranking and MAP depend on.
     * Moves a probability by at most this much.
     */
    static final double TIE_BREAK = 1e-4;

    /** The calibrated probability of a raw score, clamped to [0, 1]. */
    public double apply(double score) {
        double raw = clamp(score);
        return clamp((1 - TIE_BREAK) * isotonic(score) + TIE_BREAK * raw);
    }

    private double isotonic(double score) {
        if (score <= x[0]) {
            return clamp(y[0]);
        }
        int last = x.length - 1;
        if (score >= x[last]) {
            return clamp(y[last]);
        }
        int hi = 1;
        while (x[hi] < score) {
            hi++;
        }
        int lo = hi - 1;
        double span = x[hi] - x[lo];
        double t = span <= 0 ? 1.0 : (score - x[lo]) / span;
        return clamp(y[lo] + t * (y[hi] - y[lo]));
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    /** One bin of a reliability table. */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    /** Reliability table with {@code bins} equal-width confidence bins over [0, 1]. */
    public static List<Bin> table(double[] confidences, boolean[] labels, int bins) {
        int[] count = new int[bins];
        double[] conf = new double[bins];
        double[] hits = new double[bins];
        for (int i = 0; i < confidences.length; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(confidences[i] * bins));
            count[b]++;
            conf[b] += confidences[i];
            hits[b] += labels[i] ? 1 : 0;
        }
        List<Bin> table = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            table.add(new Bin(b / (double) bins, (b + 1) / (double) bins, count[b],
                    count[b] == 0 ? 0 : conf[b] / count[b], count[b] == 0 ? 0 : hits[b] / count[b]));
        }
        return table;
    }

    /** Expected calibration error: count-weighted mean |accuracy - confidence| over the bins. */
    public static double expectedCalibrationError(List<Bin> table) {
        int total = table.stream().mapToInt(Bin::count).sum();
        if (total == 0) {
            return 0;
        }
        double error = 0;
        for (Bin bin : table) {
            error += bin.count() * Math.abs(bin.accuracy() - bin.meanConfidence());
        }
        return error / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration other && Arrays.equals(x, other.x) && Arrays.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Calibration[" + x.length + " points]";
    }
}
