package org.opencac.eval.codiesp;

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
import java.util.Optional;
import java.util.TreeMap;
import org.opencac.nlp.corpus.Prf;
import org.opencac.eval.metrics.ThresholdSweep;
import org.opencac.eval.report.HtmlReport;
import org.opencac.eval.report.JsonReport;
import org.opencac.eval.report.SvgChart;
import org.opencac.eval.report.TextTable;

/** Writes the outputs of a CodiEsp evaluation: metrics.json, errors.tsv, report.html and a console table. */
public final class CodiespReport {
    private static final int TOP_ERRORS = 25;

    private CodiespReport() {
    }

    /** @param config what was run (system, threshold, lang, split, ...), copied into metrics.json and the page */
    public static void writeAll(Path outDir, CodiespScores scores, Map<String, Object> config) {
        JsonReport.write(outDir.resolve("metrics.json"), metricsJson(scores, config));
        writeErrors(outDir.resolve("errors.tsv"), scores.errors());
        html(scores, config).write(outDir.resolve("report.html"));
    }

    public static Map<String, Object> metricsJson(CodiespScores scores, Map<String, Object> config) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (CodeType type : CodeType.values()) {
            TrackScores track = scores.track(type);
            Map<String, Object> node = new LinkedHashMap<>(track.codes().toJson());
            node.put("map", track.map());
            node.put("documents_with_gold", track.documentsWithGold());
            node.put("category", track.categories().toJson());
            if (type == CodeType.P) {
                node.put("prefix4", track.prefix4Codes().toJson());
            }
            Map<String, Object> groups = new LinkedHashMap<>();
            track.byGroup().forEach((group, prf) -> groups.put(group, prf.toJson()));
            node.put(type == CodeType.D ? "by_chapter" : "by_section", groups);
            json.put(type.name(), node);
        }
        Map<String, Object> x = new LinkedHashMap<>();
        if (scores.references().isPresent()) {
            x.putAll(scores.references().get().toJson());
            x.put("applicable", true);
        } else {
            x.put("precision", null);
            x.put("recall", null);
            x.put("f1", null);
            x.put("applicable", false);
            x.put("reason", "CodiEsp-X needs the Spanish text: the English files have no gold offsets");
        }
        json.put("X", x);
        json.put("documents", scores.documents());
        json.put("sweep", sweepJson(scores));
        Map<String, Object> suggested = new LinkedHashMap<>();
        suggestedThresholds(scores).forEach((track, point) -> suggested.put(track, point.threshold()));
        suggested.put("note", "cut-off with the best F1 on this split; tune on dev, report the configured one");
        json.put("suggested_threshold", suggested);
        json.put("config", config);
        return json;
    }

    /** Best-F1 cut-off per track ("D", "P" and, when scored, "X"). */
    public static Map<String, ThresholdSweep.Point> suggestedThresholds(CodiespScores scores) {
        Map<String, ThresholdSweep.Point> best = new LinkedHashMap<>();
        best.put("D", ThresholdSweep.best(scores.diagnoses().sweep()));
        best.put("P", ThresholdSweep.best(scores.procedures().sweep()));
        if (!scores.referenceSweep().isEmpty()) {
            best.put("X", ThresholdSweep.best(scores.referenceSweep()));
        }
        return best;
    }

    private static List<Map<String, Object>> sweepJson(CodiespScores scores) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<ThresholdSweep.Point> d = scores.diagnoses().sweep();
        for (int i = 0; i < d.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", d.get(i).threshold());
            row.put("D", d.get(i).prf().toJson());
            row.put("P", scores.procedures().sweep().get(i).prf().toJson());
            if (!scores.referenceSweep().isEmpty()) {
                row.put("X", scores.referenceSweep().get(i).prf().toJson());
            }
            rows.add(row);
        }
        return rows;
    }

    /** One row per error: docid, FP|FN, D|P, code, confidence (empty for FN), evidence text. */
    public static void writeErrors(Path file, List<ErrorRow> errors) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("docid\tkind\ttrack\tcode\tconfidence\tevidence\n");
            for (ErrorRow error : errors) {
                String confidence = Double.isNaN(error.confidence()) ? ""
                        : String.format(Locale.ROOT, "%.4f", error.confidence());
                out.write(error.docId() + "\t" + error.kind() + "\t" + error.type() + "\t" + error.code() + "\t"
                        + confidence + "\t" + oneLine(error.evidence()) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headline table: one row per track. */
    public static List<List<String>> headlineRows(CodiespScores scores) {
        List<List<String>> rows = new ArrayList<>();
        for (CodeType type : CodeType.values()) {
            TrackScores track = scores.track(type);
            rows.add(row("CodiEsp-" + type, track.codes(), fmt(track.map())));
            rows.add(row("  " + type + " category (3 chars)", track.categories(), ""));
            if (type == CodeType.P) {
                rows.add(row("  P, 4-axis gold matches 7-char", track.prefix4Codes(), ""));
            }
        }
        Optional<Prf> x = scores.references();
        rows.add(x.map(prf -> row("CodiEsp-X", prf, ""))
                .orElse(List.of("CodiEsp-X", "n/a", "n/a", "n/a", "", "", "", "")));
        return rows;
    }

    public static final List<String> HEADLINE_HEADERS = List.of("track", "precision", "recall", "F1", "MAP", "tp",
            "fp", "fn");

    public static String consoleSummary(CodiespScores scores, String configuredThreshold) {
        StringBuilder out = new StringBuilder(TextTable.format(HEADLINE_HEADERS, headlineRows(scores)));
        suggestedThresholds(scores).forEach((track, point) -> out.append(String.format(Locale.ROOT,
                "suggested cut-off for %s: %.2f (F1 %.3f; configured: %s)%n", track, point.threshold(),
                point.prf().f1(), configuredThreshold)));
        return out.toString();
    }

    public static HtmlReport html(CodiespScores scores, Map<String, Object> config) {
        HtmlReport page = new HtmlReport("CodiEsp evaluation");
        page.section("Run").table(List.of("setting", "value"), config.entrySet().stream()
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList());
        page.section("Headline (configured cut-off)").table(HEADLINE_HEADERS, headlineRows(scores));
        suggestedThresholds(scores).forEach((track, point) -> page.paragraph(String.format(Locale.ROOT,
                "Suggested cut-off for %s: %.2f (F1 %.3f). A suggestion only: the headline uses the configured one.",
                track, point.threshold(), point.prf().f1())));

        page.section("Scores against the confidence cut-off");
        sweepChart(page, "CodiEsp-D", scores.diagnoses().sweep());
        sweepChart(page, "CodiEsp-P", scores.procedures().sweep());
        if (!scores.referenceSweep().isEmpty()) {
            sweepChart(page, "CodiEsp-X", scores.referenceSweep());
        }

        for (CodeType type : CodeType.values()) {
            Map<String, Prf> groups = scores.track(type).byGroup();
            String what = type == CodeType.D ? "ICD-10-CM chapter" : "ICD-10-PCS section";
            page.section("CodiEsp-" + type + " by " + what);
            List<String> names = new ArrayList<>(groups.keySet());
            page.chart(SvgChart.barChart("F1 by " + what, names, List.of(
                    new SvgChart.Bars("precision", names.stream().map(n -> groups.get(n).precision()).toList()),
                    new SvgChart.Bars("recall", names.stream().map(n -> groups.get(n).recall()).toList()),
                    new SvgChart.Bars("F1", names.stream().map(n -> groups.get(n).f1()).toList()))));
            page.table(List.of(what, "precision", "recall", "F1", "tp", "fp", "fn"),
                    names.stream().map(n -> row(n, groups.get(n), null)).toList());
        }

        page.section("Most frequent errors");
        for (CodeType type : CodeType.values()) {
            for (ErrorRow.Kind kind : ErrorRow.Kind.values()) {
                page.paragraph("CodiEsp-" + type + " " + (kind == ErrorRow.Kind.FP ? "false positives"
                        : "false negatives") + " (top " + TOP_ERRORS + " codes; examples from errors.tsv)");
                page.table(List.of("code", "count", "example evidence"), topErrors(scores.errors(), type, kind));
            }
        }
        return page;
    }

    static List<List<String>> topErrors(List<ErrorRow> errors, CodeType type, ErrorRow.Kind kind) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        for (ErrorRow error : errors) {
            if (error.type() == type && error.kind() == kind) {
                counts.merge(error.code(), 1, Integer::sum);
                if (!error.evidence().isEmpty()) {
                    examples.putIfAbsent(error.code(), oneLine(error.evidence()));
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ERRORS)
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()), examples.getOrDefault(e.getKey(), "")))
                .toList();
    }

    private static void sweepChart(HtmlReport page, String name, List<ThresholdSweep.Point> sweep) {
        page.chart(SvgChart.lineChart(name + ": scores by cut-off", "confidence cut-off", 0, 1, List.of(
                line("precision", sweep, Prf::precision),
                line("recall", sweep, Prf::recall),
                line("F1", sweep, Prf::f1))));
    }

    private static SvgChart.Line line(String name, List<ThresholdSweep.Point> sweep,
                                      java.util.function.ToDoubleFunction<Prf> metric) {
        return new SvgChart.Line(name, sweep.stream()
                .map(p -> new SvgChart.Point(p.threshold(), metric.applyAsDouble(p.prf()))).toList());
    }

    private static List<String> row(String name, Prf prf, String map) {
        List<String> row = new ArrayList<>(List.of(name, fmt(prf.precision()), fmt(prf.recall()), fmt(prf.f1())));
        if (map != null) {
            row.add(map);
        }
        row.addAll(List.of(String.valueOf(prf.tp()), String.valueOf(prf.fp()), String.valueOf(prf.fn())));
        return row;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
