package org.opencac.nlp.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opencac.nlp.context.ConText;
import org.opencac.nlp.context.ContextAnalyzer;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.ConlluSentence;
import org.opencac.nlp.corpus.CraftReader;
import org.opencac.nlp.corpus.NegExReader;
import org.opencac.nlp.text.TextModels;
import org.opencac.nlp.text.TextSpan;

/**
 * Prints the text layer's figures: CRAFT dev sentence/token F1 (ours vs OpenNLP stock), Spanish 10-fold CV F1,
 * context P/R/F1 on the NegEx set, and sentence/token throughput on clinical notes.
 * <pre>MeasureTextLayer --shared &lt;shared dir&gt; [--skip-cv]</pre>
 */
public final class MeasureTextLayer {
    private static final int SPANISH_FOLDS = 10;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int SPEED_ROUNDS = 10;

    private MeasureTextLayer() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(TrainTextModels.option(args, "--shared"));
        boolean skipCv = List.of(args).contains("--skip-cv");
        Path gold = shared.resolve("gold");

        List<AlignedDocument> craftDev = CraftReader.readSplit(gold.resolve("craft"), "dev");
        System.out.printf("CRAFT dev: %d documents, %d gold sentences, %d gold tokens%n", craftDev.size(),
                craftDev.stream().mapToInt(d -> d.sentences().size()).sum(),
                craftDev.stream().mapToInt(d -> d.tokens().size()).sum());
        printScores("ours (en)", TextEvaluation.evaluate(TextModels.forLanguage("en"), craftDev));
        printScores("OpenNLP stock", TextEvaluation.evaluate(TextModels.openNlpStock(), craftDev));
        printScores("stock + rules", TextEvaluation.evaluate(TextModels.openNlpStockWithClinicalRules(), craftDev));

        if (!skipCv) {
            List<ConlluSentence> spanish = TrainTextModels.readSpanish(gold.resolve("ud_spanish"));
            System.out.printf("UD Spanish-GSD dev+test: %d sentences, %d-fold cross-validation%n", spanish.size(),
                    SPANISH_FOLDS);
            printScores("ours (es) CV", CrossValidation.run("es", spanish, SPANISH_FOLDS));
        }

        Path negex = gold.resolve("negex_chapman").resolve("negex-dev.tsv");
        if (Files.exists(negex)) {
            ContextEvaluation.printReport(NegExReader.read(negex), TextModels.forLanguage("en"));
        }

        measureSpeed("en", notes(gold.resolve("codiesp/final_dataset_v4_to_publish/dev/text_files_en")));
        measureSpeed("es", notes(gold.resolve("codiesp/final_dataset_v4_to_publish/dev/text_files")));
    }

    private static void printScores(String label, TextEvaluation.Scores scores) {
        System.out.printf("  %-16s sentences   %s%n", label, scores.sentences());
        System.out.printf("  %-16s tokens(gold sentences) %s%n", label, scores.tokensOnGold());
        System.out.printf("  %-16s tokens(end-to-end)     %s%n", label, scores.tokensEndToEnd());
    }

    private static List<String> notes(Path folder) throws IOException {
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return notes;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                notes.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return notes;
    }

    /**
     * One thread; the warm-up rounds let the JIT compile and are not counted. Rates are given per second of this
     * thread's CPU time, which other processes on a shared machine do not distort, and per wall-clock second.
     */
    private static void measureSpeed(String language, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TextModels models = TextModels.forLanguage(language);
        long characters = notes.stream().mapToLong(String::length).sum();
        long sentences = 0;
        long tokens = 0;
        long cpuNanos = 0;
        long wallNanos = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + SPEED_ROUNDS; round++) {
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long wallStarted = System.nanoTime();
            long roundSentences = 0;
            long roundTokens = 0;
            for (String note : notes) {
                for (TextSpan sentence : models.sentenceDetector().detect(note)) {
                    roundSentences++;
                    roundTokens += models.tokenizer().tokenize(note, sentence).size();
                }
            }
            if (round >= WARM_UP_ROUNDS) {
                cpuNanos += threads.getCurrentThreadCpuTime() - cpuStarted;
                wallNanos += System.nanoTime() - wallStarted;
                sentences += roundSentences;
                tokens += roundTokens;
            }
        }
        double cpuSeconds = cpuNanos / 1e9;
        System.out.printf("Speed (%s, CodiEsp dev, %d notes, mean %d chars, one thread, sentences + tokens):%n",
                language, notes.size(), characters / notes.size());
        System.out.printf("  per CPU second:  %.0f notes/s, %.0f sentences/s, %.0f tokens/s%n",
                notes.size() * SPEED_ROUNDS / cpuSeconds, sentences / cpuSeconds, tokens / cpuSeconds);
        System.out.printf("  per wall second: %.0f notes/s (machine shared with other builds)%n",
                notes.size() * SPEED_ROUNDS / (wallNanos / 1e9));
        measureContextSpeed(language, notes, models);
    }

    /** ConText over every sentence of every note, one target per sentence (its last token). */
    private static void measureContextSpeed(String language, List<String> notes, TextModels models) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ContextAnalyzer analyzer = ConText.forLanguage(language);
        List<String> texts = new ArrayList<>();
        List<TextSpan> sentenceSpans = new ArrayList<>();
        List<List<TextSpan>> sentenceTokens = new ArrayList<>();
        for (String note : notes) {
            for (TextSpan sentence : models.sentenceDetector().detect(note)) {
                texts.add(note);
                sentenceSpans.add(sentence);
                sentenceTokens.add(models.tokenizer().tokenize(note, sentence));
            }
        }
        long cpuNanos = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + SPEED_ROUNDS; round++) {
            long started = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < texts.size(); i++) {
                List<TextSpan> tokens = sentenceTokens.get(i);
                analyzer.analyze(texts.get(i), sentenceSpans.get(i), tokens, List.of(tokens.get(tokens.size() - 1)));
            }
            if (round >= WARM_UP_ROUNDS) {
                cpuNanos += threads.getCurrentThreadCpuTime() - started;
            }
        }
        double seconds = cpuNanos / 1e9;
        System.out.printf("  ConText (%s): %.0f sentences/s = %.0f notes/s per CPU second%n", language,
                texts.size() * SPEED_ROUNDS / seconds, notes.size() * SPEED_ROUNDS / seconds);
    }
}
