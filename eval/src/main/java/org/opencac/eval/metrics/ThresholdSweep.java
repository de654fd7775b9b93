package org.opencac.eval.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;
import org.opencac.nlp.corpus.Prf;

/** Precision, recall and F1 at a series of confidence cut-offs (a candidate passes when confidence >= cut-off). */
public final class ThresholdSweep {
    /** One cut-off and the scores at it. */
    public record Point(double threshold, Prf prf) {
    }

    private ThresholdSweep() {
    }

    /** Cut-offs 0.00, step, 2*step, ... 1.00, computed from integers so that they print exactly. */
    public static List<Double> cutOffs(int steps) {
        List<Double> cutOffs = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            cutOffs.add((double) i / steps);
        }
        return cutOffs;
    }

    public static List<Point> sweep(List<Double> cutOffs, DoubleFunction<Prf> scoreAt) {
        List<Point> points = new ArrayList<>();
        for (double cutOff : cutOffs) {
            points.add(new Point(cutOff, scoreAt.apply(cutOff)));
        }
        return points;
    }

    /** The cut-off with the best F1; on equal F1 the lowest cut-off wins. */
    public static Point best(List<Point> points) {
        return points.stream()
                .max(Comparator.comparingDouble((Point p) -> p.prf().f1())
                        .thenComparing(Comparator.comparingDouble(Point::threshold).reversed()))
                .orElseThrow();
    }

    /** True when a confidence passes a cut-off; the small tolerance absorbs rounding such as 0.1 + 0.2. */
    public static boolean passes(double confidence, double cutOff) {
        return confidence >= cutOff - 1e-9;
    }
}
