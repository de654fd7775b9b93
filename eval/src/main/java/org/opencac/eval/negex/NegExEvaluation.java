package org.opencac.eval.negex;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.opencac.nlp.context.ConText;
import org.opencac.nlp.context.ContextAnalyzer;
import org.opencac.nlp.context.ContextFlags;
import org.opencac.nlp.context.ContextResult;
import org.opencac.nlp.context.TriggerHit;
import org.opencac.nlp.corpus.NegExItem;
import org.opencac.nlp.text.TextModels;
import org.opencac.nlp.text.TextSpan;
import org.opencac.nlp.text.Tokenizer;
import org.opencac.nlp.tools.ContextEvaluation;
import org.opencac.nlp.tools.ContextEvaluation.Confusion;

/**
 * Runs the pipeline's context analysis on NegEx rows (one condition in one sentence) and counts the confusions.
 * The pipeline's {@code ContextStage} is sentence-level ConText plus section rules; a NegEx row has no section,
 * so the stage reduces to {@code ConText.forLanguage("en")} on the sentence, tokenized by
 * {@code TextModels.forLanguage("en")}, with the located condition as the target. That is what runs here.
 */
public final class NegExEvaluation {
    /** The four scored categories: gold label and predicted flag. */
    public enum Category {
        NEGATION("negation", NegExItem::negated, ContextFlags::negated),
        HISTORICAL("historical", NegExItem::historical, ContextFlags::historical),
        HYPOTHETICAL("hypothetical", NegExItem::hypothetical, ContextFlags::hypothetical),
        /** Experiencer other than the patient; the pipeline's flag for it is {@code family}. */
        EXPERIENCER("experiencer", NegExItem::otherExperiencer, ContextFlags::family);

        private final String key;
        private final Predicate<NegExItem> gold;
        private final Predicate<ContextFlags> predicted;

        Category(String key, Predicate<NegExItem> gold, Predicate<ContextFlags> predicted) {
            this.key = key;
            this.gold = gold;
            this.predicted = predicted;
        }

        /** The metrics.json key. */
        public String key() {
            return key;
        }

        public boolean gold(NegExItem item) {
            return gold.test(item);
        }

        public boolean predicted(ContextFlags flags) {
            return predicted.test(flags);
        }
    }

    /**
     * One analysed row.
     *
     * @param triggers the distinct triggers whose scope covered the condition, as "category: phrase"
     */
    public record Row(NegExItem item, ContextFlags flags, List<String> triggers) {
        public boolean conditionFound() {
            return item.conditionSpan() != null;
        }
    }

    /** All rows and one confusion table per category. */
    public record Result(List<Row> rows, Map<Category, Confusion> confusions) {
        public long conditionsNotFound() {
            return rows.stream().filter(row -> !row.conditionFound()).count();
        }
    }

    private NegExEvaluation() {
    }

    /** With the analyzer and tokenizer the English pipeline uses. */
    public static Result evaluate(List<NegExItem> items) {
        return evaluate(items, ConText.forLanguage("en"), TextModels.forLanguage("en").tokenizer());
    }

    /** Rows whose condition is not found in the sentence get no context (affirmed, recent, patient). */
    public static Result evaluate(List<NegExItem> items, ContextAnalyzer analyzer, Tokenizer tokenizer) {
        List<Row> rows = new ArrayList<>();
        for (NegExItem item : items) {
            rows.add(analyze(item, analyzer, tokenizer));
        }
        List<ContextEvaluation.Outcome> outcomes = rows.stream()
                .map(row -> new ContextEvaluation.Outcome(row.item(), row.flags())).toList();
        Map<Category, Confusion> confusions = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            confusions.put(category, ContextEvaluation.confusion(outcomes, category::gold, category::predicted));
        }
        return new Result(List.copyOf(rows), confusions);
    }

    static Row analyze(NegExItem item, ContextAnalyzer analyzer, Tokenizer tokenizer) {
        if (item.conditionSpan() == null) {
            return new Row(item, ContextFlags.AFFIRMED, List.of());
        }
        String text = item.sentence();
        TextSpan sentence = new TextSpan(0, text.length());
        List<TextSpan> tokens = tokenizer.tokenize(text, sentence);
        ContextResult result = analyzer.analyze(text, sentence, tokens, List.of(item.conditionSpan())).get(0);
        List<String> triggers = new ArrayList<>();
        for (TriggerHit hit : result.triggers()) {
            triggers.add(hit.category() + ": " + hit.phrase());
        }
        return new Row(item, result.flags(), triggers.stream().distinct().toList());
    }

    public static String negationLabel(ContextFlags flags) {
        return flags.negated() ? "Negated" : "Affirmed";
    }

    /** Hypothetical wins when both temporal flags are set (the set's labels are exclusive). */
    public static String temporalityLabel(ContextFlags flags) {
        if (flags.hypothetical()) {
            return "Hypothetical";
        }
        return flags.historical() ? "Historical" : "Recent";
    }

    public static String experiencerLabel(ContextFlags flags) {
        return flags.family() ? "Other" : "Patient";
    }

    /** The predicted label of one category, in the set's vocabulary (for error listings). */
    public static String predictedLabel(Category category, ContextFlags flags) {
        return switch (category) {
            case NEGATION -> negationLabel(flags);
            case HISTORICAL, HYPOTHETICAL -> temporalityLabel(flags);
            case EXPERIENCER -> experiencerLabel(flags);
        };
    }

    /** The gold label of one category as written in the file. */
    public static String goldLabel(Category category, NegExItem item) {
        return switch (category) {
            case NEGATION -> item.negation();
            case HISTORICAL, HYPOTHETICAL -> item.temporality();
            case EXPERIENCER -> item.experiencer();
        };
    }
}
