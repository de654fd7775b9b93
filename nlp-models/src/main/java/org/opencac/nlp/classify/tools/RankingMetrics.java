package org.opencac.nlp.classify.tools;

import java.util.List;
import java.util.Set;

/** Micro P/R/F1 at the best threshold and mean average precision over ranked code lists. */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** A document's ranked predictions (labels with scores, best first) and its gold labels. */
    public record Ranked(List<String> labels, double[] scores, Set<String> gold) {
    }

    /** Micro precision/recall/F1 at one threshold. */
    public record PrF(double threshold, double precision, double recall, double f1) {
    }

    public static PrF microAt(List<Ranked> documents, double threshold) {
        long truePositives = 0;
        long predicted = 0;
        long gold = 0;
        for (Ranked document : documents) {
            gold += document.gold().size();
            for (int i = 0; i < document.labels().size(); i++) {
                if (document.scores()[i] >= threshold) {
                    predicted++;
                    if (document.gold().contains(document.labels().get(i))) {
                        truePositives++;
                    }
                }
            }
        }
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = gold == 0 ? 0 : (double) truePositives / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PrF(threshold, precision, recall, f1);
    }

    /** The best micro F1 over thresholds 0.01, 0.02, ..., 0.99. */
    public static PrF bestMicro(List<Ranked> documents) {
        PrF best = microAt(documents, 0.5);
        for (int step = 1; step < 100; step++) {
            PrF candidate = microAt(documents, step / 100.0);
            if (candidate.f1() > best.f1()) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Mean over documents with at least one gold label of average precision: the sum of precision at each gold
     * hit in the ranking, divided by the number of gold labels (gold labels the model cannot rank count as misses).
     */
    public static double meanAveragePrecision(List<Ranked> documents) {
        double sum = 0;
        int counted = 0;
        for (Ranked document : documents) {
            if (document.gold().isEmpty()) {
                continue;
            }
            int hits = 0;
            double precisionSum = 0;
            for (int i = 0; i < document.labels().size(); i++) {
                if (document.gold().contains(document.labels().get(i))) {
                    hits++;
                    precisionSum += (double) hits / (i + 1);
                }
            }
            sum += precisionSum / document.gold().size();
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
