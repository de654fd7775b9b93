package org.opencac.nlp.corpus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts of true positives, false positives and false negatives, with the precision, recall and F1 they give.
 * Any evaluation command can use it; ratios with an empty denominator are 0.
 */
public record Prf(long tp, long fp, long fn) {
    public static final Prf ZERO = new Prf(0, 0, 0);

    public Prf {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("negative count: " + tp + "/" + fp + "/" + fn);
        }
    }

    /** Scores one predicted set against one gold set (each element counts once). */
    public static <T> Prf of(Set<T> predicted, Set<T> gold) {
        long tp = predicted.stream().filter(gold::contains).count();
        return new Prf(tp, predicted.size() - tp, gold.size() - tp);
    }

    public Prf plus(Prf other) {
        return new Prf(tp + other.tp, fp + other.fp, fn + other.fn);
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** The JSON shape used in every metrics file: precision, recall, f1 and the counts. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("precision", precision());
        json.put("recall", recall());
        json.put("f1", f1());
        json.put("tp", tp);
        json.put("fp", fp);
        json.put("fn", fn);
        return json;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "P %.4f R %.4f F1 %.4f (TP %d FP %d FN %d)", precision(), recall(),
                f1(), tp, fp, fn);
    }
}
