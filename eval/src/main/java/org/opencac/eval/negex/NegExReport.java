package org.opencac.eval.negex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opencac.eval.negex.NegExEvaluation.Category;
import org.opencac.eval.negex.NegExEvaluation.Result;
import org.opencac.eval.negex.NegExEvaluation.Row;
import org.opencac.eval.report.HtmlReport;
import org.opencac.eval.report.JsonReport;
import org.opencac.eval.report.SvgChart;
import org.opencac.eval.report.TextTable;
import org.opencac.nlp.corpus.NegExItem;
import org.opencac.nlp.tools.ContextEvaluation.Confusion;

/** Writes the outputs of {@code eval negex}: metrics.json, predictions.tsv, errors.tsv, report.html. */
public final class NegExReport {
    static final String NO_TRIGGER = "(no trigger)";
    private static final int TOP_TRIGGERS = 25;
    private static final List<String> HEADERS = List.of("category", "precision", "recall", "F1", "TP", "FP", "FN",
            "TN");

    /** One misclassified (row, category). */
    public record ErrorRow(Row row, Category category, String kind) {
    }

    private NegExReport() {
    }

    public static void writeAll(Path outDir, Result result, Map<String, Object> config) {
        JsonReport.write(outDir.resolve("metrics.json"), metricsJson(result, config));
        writePredictions(outDir.resolve("predictions.tsv"), result);
        writeErrors(outDir.resolve("errors.tsv"), errors(result));
        html(result, config).write(outDir.resolve("report.html"));
    }

    public static Map<String, Object> metricsJson(Result result, Map<String, Object> config) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            Confusion c = result.confusions().get(category);
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("precision", c.precision());
            node.put("recall", c.recall());
            node.put("f1", c.f1());
            node.put("tp", c.truePositives());
            node.put("fp", c.falsePositives());
            node.put("fn", c.falseNegatives());
            node.put("tn", c.trueNegatives());
            node.put("gold_positive", c.truePositives() + c.falseNegatives());
            node.put("predicted_positive", c.truePositives() + c.falsePositives());
            json.put(category.key(), node);
        }
        json.put("rows", result.rows().size());
        json.put("conditions_not_found", result.conditionsNotFound());
        json.put("conditions_not_found_lines", result.rows().stream().filter(row -> !row.conditionFound())
                .map(row -> row.item().lineNumber()).toList());
        json.put("uncertain_flagged", result.rows().stream().filter(row -> row.flags().uncertain()).count());
        json.put("historical_and_hypothetical_flagged", result.rows().stream()
                .filter(row -> row.flags().historical() && row.flags().hypothetical()).count());
        json.put("config", config);
        return json;
    }

    /** The input rows plus our three labels, whether the condition was found, and the triggers that fired. */
    public static void writePredictions(Path file, Result result) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("line_number\tcondition\tsentence\tnegation_status\ttemporality\texperiencer"
                    + "\tpred_negation\tpred_temporality\tpred_experiencer\tcondition_found\ttriggers\n");
            for (Row row : result.rows()) {
                NegExItem item = row.item();
                out.write(String.join("\t", item.lineNumber(), item.condition(), oneLine(item.sentence()),
                        item.negation(), item.temporality(), item.experiencer(),
                        NegExEvaluation.negationLabel(row.flags()), NegExEvaluation.temporalityLabel(row.flags()),
                        NegExEvaluation.experiencerLabel(row.flags()), row.conditionFound() ? "yes" : "no",
                        String.join("; ", row.triggers())) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every false positive and false negative, category by category, in row order. */
    public static List<ErrorRow> errors(Result result) {
        List<ErrorRow> errors = new ArrayList<>();
        for (Category category : Category.values()) {
            for (Row row : result.rows()) {
                boolean gold = category.gold(row.item());
                boolean predicted = category.predicted(row.flags());
                if (gold != predicted) {
                    errors.add(new ErrorRow(row, category, predicted ? "FP" : "FN"));
                }
            }
        }
        return errors;
    }

    public static void writeErrors(Path file, List<ErrorRow> errors) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("line_number\tcategory\tkind\tgold\tpredicted\tcondition_found\ttriggers\tcondition\tsentence\n");
            for (ErrorRow error : errors) {
                Row row = error.row();
                out.write(String.join("\t", row.item().lineNumber(), error.category().key(), error.kind(),
                        NegExEvaluation.goldLabel(error.category(), row.item()),
                        NegExEvaluation.predictedLabel(error.category(), row.flags()),
                        row.conditionFound() ? "yes" : "no", String.join("; ", row.triggers()),
                        row.item().condition(), oneLine(row.item().sentence())) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How often each trigger covered a misclassified condition: trigger, FP count, FN count, total, ordered by
     * total then name. Errors with no trigger count under "(no trigger)".
     */
    public static List<List<String>> triggersAmongErrors(List<ErrorRow> errors, int limit) {
        Map<String, long[]> counts = new TreeMap<>();
        for (ErrorRow error : errors) {
            List<String> triggers = error.row().triggers().isEmpty() ? List.of(NO_TRIGGER) : error.row().triggers();
            for (String trigger : triggers) {
                long[] c = counts.computeIfAbsent(trigger, k -> new long[2]);
                c[error.kind().equals("FP") ? 0 : 1]++;
            }
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> {
                    long totalA = a.getValue()[0] + a.getValue()[1];
                    long totalB = b.getValue()[0] + b.getValue()[1];
                    return totalA != totalB ? Long.compare(totalB, totalA) : a.getKey().compareTo(b.getKey());
                })
                .limit(limit)
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()[0]), String.valueOf(e.getValue()[1]),
                        String.valueOf(e.getValue()[0] + e.getValue()[1])))
                .toList();
    }

    public static List<List<String>> headlineRows(Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (Category category : Category.values()) {
            Confusion c = result.confusions().get(category);
            rows.add(List.of(category.key(), fmt(c.precision()), fmt(c.recall()), fmt(c.f1()),
                    String.valueOf(c.truePositives()), String.valueOf(c.falsePositives()),
                    String.valueOf(c.falseNegatives()), String.valueOf(c.trueNegatives())));
        }
        return rows;
    }

    public static String consoleSummary(Result result) {
        return TextTable.format(HEADERS, headlineRows(result))
                + String.format(Locale.ROOT, "rows %d, conditions not found in their sentence %d (predicted affirmed)%n",
                result.rows().size(), result.conditionsNotFound());
    }

    public static HtmlReport html(Result result, Map<String, Object> config) {
        HtmlReport page = new HtmlReport("NegEx / ConText evaluation");
        page.section("Run").table(List.of("setting", "value"), config.entrySet().stream()
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList());
        page.section("Headline").table(HEADERS, headlineRows(result));
        page.paragraph(String.format(Locale.ROOT,
                "%d rows; %d conditions not found in their sentence (predicted affirmed, recent, patient). "
                        + "Experiencer = experiencer other than the patient. Hypothetical = the set's "
                        + "\"Not particular\".", result.rows().size(), result.conditionsNotFound()));
        List<String> names = new ArrayList<>();
        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        for (Category category : Category.values()) {
            Confusion c = result.confusions().get(category);
            names.add(category.key());
            precision.add(c.precision());
            recall.add(c.recall());
            f1.add(c.f1());
        }
        page.chart(SvgChart.barChart("Scores per category", names, List.of(new SvgChart.Bars("precision", precision),
                new SvgChart.Bars("recall", recall), new SvgChart.Bars("F1", f1))));

        page.section("Confusion tables");
        for (Category category : Category.values()) {
            Confusion c = result.confusions().get(category);
            page.paragraph(category.key());
            page.table(List.of("gold \\ predicted", "positive", "negative"), List.of(
                    List.of("positive", String.valueOf(c.truePositives()), String.valueOf(c.falseNegatives())),
                    List.of("negative", String.valueOf(c.falsePositives()), String.valueOf(c.trueNegatives()))));
        }

        List<ErrorRow> errors = errors(result);
        page.section("Most frequent triggers among errors");
        page.paragraph("Triggers whose scope covered a misclassified condition (top " + TOP_TRIGGERS
                + "); an error row counts once per category it is wrong in. Details in errors.tsv.");
        page.table(List.of("trigger", "FP", "FN", "total"), triggersAmongErrors(errors, TOP_TRIGGERS));
        return page;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
