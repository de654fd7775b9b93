package org.opencac.nlp.tools;

import java.util.List;
import java.util.function.Predicate;
import org.opencac.nlp.context.ConText;
import org.opencac.nlp.context.ContextAnalyzer;
import org.opencac.nlp.context.ContextFlags;
import org.opencac.nlp.corpus.NegExItem;
import org.opencac.nlp.text.TextModels;
import org.opencac.nlp.text.TextSpan;

/** Scores the English ConText analyzer on NegEx-style rows (one condition in one sentence). */
public final class ContextEvaluation {
    /** Gold and predicted labels of one row. */
    public record Outcome(NegExItem item, ContextFlags predicted) {
    }

    /** A 2x2 confusion table. */
    public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format("P %.3f R %.3f F1 %.3f (TP %d FP %d FN %d TN %d)", precision(), recall(), f1(),
                    truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    private ContextEvaluation() {
    }

    /** Rows whose condition is not found in the sentence are predicted affirmed (no context). */
    public static List<Outcome> run(List<NegExItem> items, TextModels textModels) {
        ContextAnalyzer analyzer = ConText.forLanguage("en");
        return items.stream().map(item -> {
            if (item.conditionSpan() == null) {
                return new Outcome(item, ContextFlags.AFFIRMED);
            }
            String text = item.sentence();
            TextSpan sentence = new TextSpan(0, text.length());
            List<TextSpan> tokens = textModels.tokenizer().tokenize(text, sentence);
            ContextFlags flags = analyzer.analyze(text, sentence, tokens, List.of(item.conditionSpan()))
                    .get(0).flags();
            return new Outcome(item, flags);
        }).toList();
    }

    public static Confusion confusion(List<Outcome> outcomes, Predicate<NegExItem> gold,
                                      Predicate<ContextFlags> predicted) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (Outcome outcome : outcomes) {
            boolean g = gold.test(outcome.item());
            boolean p = predicted.test(outcome.predicted());
            if (g && p) {
                tp++;
            } else if (p) {
                fp++;
            } else if (g) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    static void printReport(List<NegExItem> items, TextModels textModels) {
        List<Outcome> outcomes = run(items, textModels);
        long unlocated = items.stream().filter(item -> item.conditionSpan() == null).count();
        System.out.printf("NegEx dev: %d rows (%d conditions not found in their sentence, predicted affirmed)%n",
                items.size(), unlocated);
        System.out.println("  negation     " + confusion(outcomes, NegExItem::negated, ContextFlags::negated));
        System.out.println("  historical   " + confusion(outcomes, NegExItem::historical, ContextFlags::historical));
        System.out.println("  hypothetical " + confusion(outcomes, NegExItem::hypothetical, ContextFlags::hypothetical));
        System.out.println("  experiencer  " + confusion(outcomes, NegExItem::otherExperiencer, ContextFlags::family));
        System.out.println("  (uncertain flagged on " + outcomes.stream().filter(o -> o.predicted().uncertain()).count()
                + " rows; the set has no 'possible' labels)");
    }
}
