package org.opencac.eval.craft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencac.eval.craft.CraftEvaluation.Boundary;
import org.opencac.eval.craft.CraftEvaluation.DocumentResult;
import org.opencac.eval.craft.CraftEvaluation.Result;
import org.opencac.eval.craft.CraftEvaluation.SystemResult;
import org.opencac.eval.report.HtmlReport;
import org.opencac.eval.report.JsonReport;
import org.opencac.eval.report.SvgChart;
import org.opencac.eval.report.TextTable;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.tools.TextEvaluation;

/**
 * Writes the outputs of {@code eval craft}: metrics.json (the first system's figures at the top level, the others
 * under their keys), errors.tsv (a sample of missed and extra sentence boundaries with context) and report.html.
 */
public final class CraftReport {
    /** At most this many missed and this many extra boundaries per document and system go to errors.tsv. */
    static final int ERRORS_PER_DOCUMENT = 20;
    static final int CONTEXT_CHARS = 40;
    private static final List<String> HEADERS = List.of("system", "sent P", "sent R", "sent F1", "tok P", "tok R",
            "tok F1", "tok F1 (gold sent)", "sent/s", "tok/s");

    private CraftReport() {
    }

    public static void writeAll(Path outDir, Result result, List<AlignedDocument> documents,
                                Map<String, Object> config) {
        JsonReport.write(outDir.resolve("metrics.json"), metricsJson(result, config));
        writeErrors(outDir.resolve("errors.tsv"), result.boundaries(), documents);
        html(result, config).write(outDir.resolve("report.html"));
    }

    public static Map<String, Object> metricsJson(Result result, Map<String, Object> config) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<SystemResult> systems = result.systems();
        if (!systems.isEmpty()) {
            json.putAll(systemJson(systems.get(0)));
        }
        for (int i = 1; i < systems.size(); i++) {
            json.put(systems.get(i).system().key(), systemJson(systems.get(i)));
        }
        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("documents", result.documents().size());
        corpus.put("gold_sentences", result.documents().stream().mapToLong(DocumentResult::goldSentences).sum());
        corpus.put("gold_tokens", result.documents().stream().mapToLong(DocumentResult::goldTokens).sum());
        corpus.put("unaligned_sentences",
                result.documents().stream().mapToLong(DocumentResult::unalignedSentences).sum());
        json.put("corpus", corpus);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (DocumentResult document : result.documents()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", document.id());
            node.put("gold_sentences", document.goldSentences());
            node.put("gold_tokens", document.goldTokens());
            node.put("unaligned_sentences", document.unalignedSentences());
            document.scores().forEach((key, scores) -> node.put(key, scoresJson(scores)));
            documents.add(node);
        }
        json.put("documents", documents);
        json.put("config", config);
        return json;
    }

    private static Map<String, Object> systemJson(SystemResult system) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("label", system.system().label());
        node.putAll(scoresJson(system.scores()));
        node.put("sentences_per_s", system.sentencesPerSecond());
        node.put("tokens_per_s", system.tokensPerSecond());
        node.put("chars_per_s", system.charsPerSecond());
        node.put("predicted_sentences", system.sentences());
        node.put("predicted_tokens", system.tokens());
        node.put("timed_seconds", system.nanos() / 1e9);
        return node;
    }

    /** "sentence" (boundaries), "token" (end to end, on our sentences), "token_on_gold_sentences". */
    private static Map<String, Object> scoresJson(TextEvaluation.Scores scores) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("sentence", scores.sentences().toJson());
        node.put("token", scores.tokensEndToEnd().toJson());
        node.put("token_on_gold_sentences", scores.tokensOnGold().toJson());
        return node;
    }

    /** document, system, missed|extra, offset, text before and after the boundary (line breaks shown as \n). */
    public static void writeErrors(Path file, List<Boundary> boundaries, List<AlignedDocument> documents) {
        Map<String, String> texts = new HashMap<>();
        documents.forEach(document -> texts.put(document.id(), document.text()));
        Map<String, Integer> written = new HashMap<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("document\tsystem\tkind\toffset\tbefore\tafter\n");
            for (Boundary boundary : boundaries) {
                String bucket = boundary.documentId() + "\t" + boundary.system() + "\t" + boundary.kind();
                if (written.merge(bucket, 1, Integer::sum) > ERRORS_PER_DOCUMENT) {
                    continue;
                }
                String text = texts.getOrDefault(boundary.documentId(), "");
                int offset = Math.min(boundary.offset(), text.length());
                String before = text.substring(Math.max(0, offset - CONTEXT_CHARS), offset);
                String after = text.substring(offset, Math.min(text.length(), offset + CONTEXT_CHARS));
                out.write(bucket + "\t" + offset + "\t" + visible(before) + "\t" + visible(after) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<List<String>> headlineRows(Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (SystemResult system : result.systems()) {
            TextEvaluation.Scores s = system.scores();
            rows.add(List.of(system.system().label(), fmt(s.sentences().precision()), fmt(s.sentences().recall()),
                    fmt(s.sentences().f1()), fmt(s.tokensEndToEnd().precision()), fmt(s.tokensEndToEnd().recall()),
                    fmt(s.tokensEndToEnd().f1()), fmt(s.tokensOnGold().f1()),
                    String.format(Locale.ROOT, "%.0f", system.sentencesPerSecond()),
                    String.format(Locale.ROOT, "%.0f", system.tokensPerSecond())));
        }
        return rows;
    }

    public static String consoleSummary(Result result) {
        long sentences = result.documents().stream().mapToLong(DocumentResult::goldSentences).sum();
        long tokens = result.documents().stream().mapToLong(DocumentResult::goldTokens).sum();
        return String.format(Locale.ROOT, "%d documents, %d gold sentences, %d gold tokens%n",
                result.documents().size(), sentences, tokens) + TextTable.format(HEADERS, headlineRows(result));
    }

    public static HtmlReport html(Result result, Map<String, Object> config) {
        HtmlReport page = new HtmlReport("CRAFT sentence and token evaluation");
        page.section("Run").table(List.of("setting", "value"), config.entrySet().stream()
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList());
        page.section("Headline").table(HEADERS, headlineRows(result));
        page.paragraph("sent: sentence-boundary P/R/F1 (a boundary is a sentence end; the document end is not "
                + "scored). tok: token exact-match P/R/F1 on the detected sentences (the sentence and token stages "
                + "together); tok F1 (gold sent): the tokenizer alone, on the gold sentences. Rates: one thread, "
                + "sentence detection plus tokenization, after one warm-up document.");
        List<String> categories = List.of("sentence P", "sentence R", "sentence F1", "token P", "token R",
                "token F1");
        List<SvgChart.Bars> bars = new ArrayList<>();
        for (SystemResult system : result.systems()) {
            TextEvaluation.Scores s = system.scores();
            bars.add(new SvgChart.Bars(system.system().label(), List.of(s.sentences().precision(),
                    s.sentences().recall(), s.sentences().f1(), s.tokensEndToEnd().precision(),
                    s.tokensEndToEnd().recall(), s.tokensEndToEnd().f1())));
        }
        page.chart(SvgChart.barChart("Systems side by side", categories, bars));

        page.section("Per document (F1)");
        List<String> headers = new ArrayList<>(List.of("document", "gold sentences", "gold tokens"));
        for (SystemResult system : result.systems()) {
            headers.add(system.system().label() + " sent F1");
            headers.add(system.system().label() + " tok F1");
        }
        List<List<String>> rows = new ArrayList<>();
        for (DocumentResult document : result.documents()) {
            List<String> row = new ArrayList<>(List.of(document.id(), String.valueOf(document.goldSentences()),
                    String.valueOf(document.goldTokens())));
            for (SystemResult system : result.systems()) {
                TextEvaluation.Scores s = document.scores().get(system.system().key());
                row.add(fmt(s.sentences().f1()));
                row.add(fmt(s.tokensEndToEnd().f1()));
            }
            rows.add(row);
        }
        page.table(headers, rows);
        page.paragraph("errors.tsv lists up to " + ERRORS_PER_DOCUMENT + " missed and " + ERRORS_PER_DOCUMENT
                + " extra boundaries per document and system, with " + CONTEXT_CHARS + " characters each side.");
        return page;
    }

    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
