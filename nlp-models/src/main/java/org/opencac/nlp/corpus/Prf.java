package org.opencac.nlp.corpus;

/** Counts of true positives, false positives and false negatives, with precision, recall and F1. */
public record Prf(long truePositives, long falsePositives, long falseNegatives) {
    public static final Prf ZERO = new Prf(0, 0, 0);

    public double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    public double recall() {
        long gold = truePositives + falseNegatives;
        return gold == 0 ? 0.0 : (double) truePositives / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public Prf plus(Prf other) {
        return new Prf(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    @Override
    public String toString() {
        return String.format("P %.4f R %.4f F1 %.4f (TP %d FP %d FN %d)", precision(), recall(), f1(),
                truePositives, falsePositives, falseNegatives);
    }
}
