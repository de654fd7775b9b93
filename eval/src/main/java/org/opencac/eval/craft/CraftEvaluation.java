package org.opencac.eval.craft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.opencac.eval.report.Progress;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.CraftReader;
import org.opencac.nlp.text.TextModels;
import org.opencac.nlp.text.TextSpan;
import org.opencac.nlp.tools.TextEvaluation;

/**
 * Scores sentence boundaries and tokens of several text-model pairs on CRAFT-style gold, document by document.
 * The figures come from {@link TextEvaluation}; this class adds per-document results, throughput and the list of
 * missed and extra sentence boundaries.
 */
public final class CraftEvaluation {
    /** A named pair of sentence and token models; {@code key} is its metrics.json key. */
    public record TextSystem(String key, String label, TextModels models) {
    }

    /** A gold sentence end the system missed ("missed") or a system sentence end that is not gold ("extra"). */
    public record Boundary(String documentId, String system, String kind, int offset) {
    }

    /** One document's gold sizes and the scores of every system, by system key. */
    public record DocumentResult(String id, int goldSentences, int goldTokens, int unalignedSentences,
                                 Map<String, TextEvaluation.Scores> scores) {
    }

    /** Totals of one system: micro-averaged scores and the timed sentence + token pass. */
    public record SystemResult(TextSystem system, TextEvaluation.Scores scores, long sentences, long tokens, long chars,
                               long nanos) {
        public double sentencesPerSecond() {
            return nanos == 0 ? 0 : sentences * 1e9 / nanos;
        }

        public double tokensPerSecond() {
            return nanos == 0 ? 0 : tokens * 1e9 / nanos;
        }

        public double charsPerSecond() {
            return nanos == 0 ? 0 : chars * 1e9 / nanos;
        }
    }

    public record Result(List<DocumentResult> documents, List<SystemResult> systems, List<Boundary> boundaries) {
    }

    private CraftEvaluation() {
    }

    /** Ours ({@code TextModels.forLanguage("en")}) and OpenNLP's stock English models. */
    public static List<TextSystem> oursAndStock() {
        return List.of(new TextSystem("ours", "ours (en)", TextModels.forLanguage("en")),
                new TextSystem("baseline_opennlp_stock", "OpenNLP stock", TextModels.openNlpStock()));
    }

    /**
     * The documents to score: with {@code ids/craft-ids-<split>.txt} under {@code gold} (the staged CRAFT folder)
     * that split, otherwise every {@code <id>.conllu} of the folder that has an {@code <id>.txt}.
     */
    public static List<AlignedDocument> load(Path gold, String split) throws IOException {
        if (Files.isRegularFile(gold.resolve("ids").resolve("craft-ids-" + split + ".txt"))) {
            return CraftReader.readSplit(gold, split);
        }
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(gold)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".conllu"))
                    .map(name -> name.substring(0, name.length() - ".conllu".length()))
                    .filter(id -> Files.isRegularFile(gold.resolve(id + ".txt")))
                    .forEach(ids::add);
        }
        return CraftReader.read(gold, ids);
    }

    /** True when {@code load} reads a split (the staged CRAFT folder) rather than a plain folder. */
    public static boolean isSplitFolder(Path gold, String split) {
        return Files.isRegularFile(gold.resolve("ids").resolve("craft-ids-" + split + ".txt"));
    }

    public static Result evaluate(List<AlignedDocument> documents, List<TextSystem> systems, Progress progress) {
        if (!documents.isEmpty()) {
            // Untimed warm-up on the first document, so the rates are not dominated by class loading and JIT.
            systems.forEach(system -> detectAndTokenize(system.models(), documents.get(0).text()));
        }
        List<DocumentResult> results = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        Map<String, TextEvaluation.Scores> totals = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>(); // sentences, tokens, chars, nanos
        for (TextSystem system : systems) {
            counts.put(system.key(), new long[4]);
        }
        for (AlignedDocument document : documents) {
            Map<String, TextEvaluation.Scores> scores = new LinkedHashMap<>();
            for (TextSystem system : systems) {
                TextEvaluation.Scores documentScores = TextEvaluation.evaluate(system.models(), List.of(document));
                scores.put(system.key(), documentScores);
                totals.merge(system.key(), documentScores, TextEvaluation.Scores::plus);

                long start = System.nanoTime();
                Detected detected = detectAndTokenize(system.models(), document.text());
                long elapsed = System.nanoTime() - start;
                long[] c = counts.get(system.key());
                c[0] += detected.sentences().size();
                c[1] += detected.tokens();
                c[2] += document.text().length();
                c[3] += elapsed;
                boundaries.addAll(boundaryErrors(document, system.key(), detected.sentences()));
            }
            results.add(new DocumentResult(document.id(), document.sentences().size(), document.tokens().size(),
                    document.unalignedSentences(), scores));
            if (progress != null) {
                progress.step();
            }
        }
        if (progress != null) {
            progress.finish();
        }
        List<SystemResult> systemResults = new ArrayList<>();
        for (TextSystem system : systems) {
            long[] c = counts.get(system.key());
            TextEvaluation.Scores total = totals.getOrDefault(system.key(), TextEvaluation.evaluate(system.models(),
                    List.of()));
            systemResults.add(new SystemResult(system, total, c[0], c[1], c[2], c[3]));
        }
        return new Result(results, systemResults, boundaries);
    }

    private record Detected(List<TextSpan> sentences, long tokens) {
    }

    /** What the pipeline's sentence and token stages do with a note: detect sentences, tokenize each. */
    private static Detected detectAndTokenize(TextModels models, String text) {
        List<TextSpan> sentences = models.sentenceDetector().detect(text);
        long tokens = 0;
        for (TextSpan sentence : sentences) {
            tokens += models.tokenizer().tokenize(text, sentence).size();
        }
        return new Detected(sentences, tokens);
    }

    /**
     * Missed and extra sentence ends, in offset order, on the same terms as
     * {@code SpanScoring.sentenceBoundaries}: the end of the last gold sentence is not scored.
     */
    static List<Boundary> boundaryErrors(AlignedDocument document, String system, List<TextSpan> predicted) {
        TreeSet<Integer> gold = new TreeSet<>();
        document.sentences().forEach(span -> gold.add(span.end()));
        TreeSet<Integer> ours = new TreeSet<>();
        predicted.forEach(span -> ours.add(span.end()));
        if (!gold.isEmpty()) {
            int documentEnd = gold.last();
            gold.remove(documentEnd);
            ours.remove(documentEnd);
        }
        TreeSet<Integer> all = new TreeSet<>(gold);
        all.addAll(ours);
        List<Boundary> errors = new ArrayList<>();
        for (int offset : all) {
            if (gold.contains(offset) && !ours.contains(offset)) {
                errors.add(new Boundary(document.id(), system, "missed", offset));
            } else if (!gold.contains(offset)) {
                errors.add(new Boundary(document.id(), system, "extra", offset));
            }
        }
        return errors;
    }
}
