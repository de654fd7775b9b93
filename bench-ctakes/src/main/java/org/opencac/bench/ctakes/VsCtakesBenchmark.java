package org.opencac.bench.ctakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencac.core.CodingEngine;
import org.opencac.core.CodingResult;
import org.opencac.core.EngineConfig;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.eval.bench.NoteFolder;
import org.opencac.eval.bench.NoteFolder.NamedText;
import org.opencac.eval.bench.PipelineBenchmark;
import org.opencac.eval.bench.PipelineBenchmark.Pass;
import org.opencac.eval.report.JsonReport;

/**
 * {@code bench pipeline --vs ctakes}: our pipeline and Apache cTAKES in one process on the same English notes.
 * Both start, both are warmed up, then ours is measured with 1 thread, cTAKES with 1 thread, ours with 2 threads;
 * the tables and the ratios of notes per second follow. Prints counts and timings only, never note text.
 *
 * <pre>
 *   VsCtakesBenchmark [--notes DIR|FILE.tar.gz] [--warmup N] [--limit N] [--out DIR]
 *                     [--ctakes-components segment,sentences,tokens,pos,chunks,dictionary,negation]
 * </pre>
 */
public final class VsCtakesBenchmark {
    static final String DEFAULT_NOTES = "../shared/gold/codiesp/background.tar.gz";
    /** Kept so java.util.logging does not forget the level set on it. */
    private static final Logger UIMA_LOG = Logger.getLogger("org.apache.uima");

    private VsCtakesBenchmark() {
    }

    public static void main(String[] args) {
        quietLogs();
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-ctakes: " + e.getMessage());
            System.err.println("usage: cac bench pipeline --vs ctakes [--notes DIR|FILE.tar.gz] [--warmup N] "
                    + "[--limit N] [--out DIR] [--ctakes-components LIST]");
            System.exit(2);
            return;
        }
        run(options);
    }

    /** Our logs stay as they are; cTAKES and UIMA log per note at INFO, so they are held to warnings. */
    static void quietLogs() {
        System.setProperty("log4j.configuration", "bench-ctakes-log4j.properties");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        UIMA_LOG.setLevel(Level.WARNING);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option VALUE, got '" + arg + "'");
            }
            options.put(arg.substring(2), args[++i]);
        }
        if (options.containsKey("vs") && !options.get("vs").equals("ctakes")) {
            throw new IllegalArgumentException("only --vs ctakes is supported");
        }
        options.remove("vs");
        for (String key : options.keySet()) {
            if (!List.of("notes", "warmup", "limit", "out", "ctakes-components").contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        return options;
    }

    static Map<String, Object> run(Map<String, String> options) {
        Path source = Path.of(options.getOrDefault("notes", DEFAULT_NOTES));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
        int limit = Integer.parseInt(options.getOrDefault("limit", "0"));
        List<String> components = Arrays.asList(options.getOrDefault("ctakes-components",
                String.join(",", CtakesComponents.ALL)).split(","));
        List<NamedText> notes = NoteFolder.read(source, "text_files_en/");
        if (limit > 0 && limit < notes.size()) {
            notes = notes.subList(0, limit);
        }
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("no .txt notes in " + source);
        }
        List<NamedText> warmupNotes = notes.subList(0, Math.min(warmup, notes.size()));
        System.err.printf(Locale.ROOT, "bench: %d English notes, warm-up on %d; cTAKES components %s%n",
                notes.size(), warmupNotes.size(), components);

        long start = System.nanoTime();
        CodingEngine engine = CodingEngine.create(EngineConfig.defaults());
        engine.code(note(notes.get(0)));
        double oursStartup = (System.nanoTime() - start) / 1e9;
        double heapAfterOurs = usedHeapAfterGc();

        start = System.nanoTime();
        Path dictionaryFolder = tempFolder();
        boolean lookup = components.contains("dictionary");
        CtakesDictionary.Written dictionary = lookup ? CtakesDictionary.write(engine.dictionaries(),
                engine.config().defaultDateOfService(), dictionaryFolder) : null;
        IsolatedCtakes ctakes = IsolatedCtakes.start(components, lookup ? dictionary.lookupXml() : null);
        ctakes.process(notes.get(0).text());
        double ctakesStartup = (System.nanoTime() - start) / 1e9;
        double heapAfterCtakes = usedHeapAfterGc();

        PipelineBenchmark ours = new PipelineBenchmark(engine, Language.EN);
        System.err.println("bench: warming up ours and cTAKES");
        ours.pass(warmupNotes, 1);
        ctakesPass(ctakes, warmupNotes);

        System.err.println("bench: measuring ours, 1 thread");
        Pass ours1 = ours.pass(notes, 1);
        System.err.println("bench: measuring cTAKES, 1 thread");
        CtakesPass ctakes1 = ctakesPass(ctakes, notes);
        System.err.println("bench: measuring ours, 2 threads");
        Pass ours2 = ours.pass(notes, 2);
        long oursMentions = countOurMentions(engine, notes);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("notes", notes.size());
        figures.put("source", source.toString());
        figures.put("ctakes_version", "5.1.0");
        figures.put("ctakes_components", components);
        figures.put("ctakes_dictionary", lookup ? Map.of("release", dictionary.release(), "rows", dictionary.rows(),
                "content", "ICD-10-CM titles (ours), TUI T047") : Map.of());
        figures.put("ours_startup_seconds", oursStartup);
        figures.put("ctakes_startup_seconds", ctakesStartup);
        figures.put("heap_after_ours_mb", heapAfterOurs);
        figures.put("heap_after_both_mb", heapAfterCtakes);
        figures.put("ours", List.of(ours1, ours2));
        figures.put("ours_mentions", oursMentions);
        figures.put("ctakes", ctakes1.pass());
        figures.put("ctakes_mentions", ctakes1.mentions());
        figures.put("ctakes_negated_mentions", ctakes1.negated());
        figures.put("ratio_ours1_to_ctakes1", ours1.notesPerSecond() / ctakes1.pass().notesPerSecond());
        figures.put("ratio_ours2_to_ctakes1", ours2.notesPerSecond() / ctakes1.pass().notesPerSecond());
        figures.put("ratio_cpu_ctakes1_to_ours1", ctakes1.pass().cpuMillisPerNote() / ours1.cpuMillisPerNote());
        figures.put("rss_mb", org.opencac.eval.bench.PipelineBenchmark.procStatusKb("VmRSS") / 1024.0);
        figures.put("peak_rss_mb", org.opencac.eval.bench.PipelineBenchmark.procStatusKb("VmHWM") / 1024.0);
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("java", System.getProperty("java.version"));
        figures.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        print(figures, ours1, ours2, ctakes1);
        String out = options.get("out");
        if (out != null) {
            try {
                Files.createDirectories(Path.of(out));
                JsonReport.write(Path.of(out).resolve("bench-vs-ctakes.json"), figures);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deleteQuietly(dictionaryFolder);
        return figures;
    }

    /** A cTAKES pass with its mention counts. */
    record CtakesPass(Pass pass, long mentions, long negated) {
    }

    static CtakesPass ctakesPass(IsolatedCtakes ctakes, List<NamedText> notes) {
        Map<String, Long> before = ctakes.componentNanos();
        long[] latencies = new long[notes.size()];
        long tokens = 0;
        long mentions = 0;
        long negated = 0;
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < notes.size(); i++) {
            long noteStart = System.nanoTime();
            int[] counts = ctakes.process(notes.get(i).text());
            latencies[i] = System.nanoTime() - noteStart;
            tokens += counts[0];
            mentions += counts[1];
            negated += counts[2];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillisPerNote = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                - cpuStart) / 1e6 / notes.size();
        Map<String, Double> perComponent = new LinkedHashMap<>();
        Map<String, Long> after = ctakes.componentNanos();
        for (String name : components(ctakes, after)) {
            long nanos = after.get(name);
            perComponent.put(name, (nanos - before.getOrDefault(name, 0L)) / 1e6 / notes.size());
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Pass pass = new Pass(1, notes.size(), tokens, seconds, notes.size() / seconds, tokens / seconds,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, perComponent, cpuMillisPerNote);
        return new CtakesPass(pass, mentions, negated);
    }

    /** The component names in pipeline order (the map crossing the class loaders is unordered). */
    private static List<String> components(IsolatedCtakes ctakes, Map<String, Long> nanos) {
        List<String> ordered = new ArrayList<>();
        for (String name : CtakesComponents.ALL) {
            if (nanos.containsKey(name)) {
                ordered.add(name);
            }
        }
        return ordered;
    }

    static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long countOurMentions(CodingEngine engine, List<NamedText> notes) {
        long mentions = 0;
        for (NamedText text : notes) {
            CodingResult result = engine.code(note(text));
            mentions += result.mentions().size();
        }
        return mentions;
    }

    private static Note note(NamedText text) {
        return new Note(text.name(), text.text(), null, null, Language.EN);
    }

    private static void print(Map<String, Object> figures, Pass ours1, Pass ours2, CtakesPass ctakes) {
        System.out.printf(Locale.ROOT, "notes: %s (en)   cores: %s   java: %s   RSS: %.0f MB (peak %.0f MB), "
                        + "both pipelines in one JVM%n", figures.get("notes"), figures.get("cores"),
                figures.get("java"), (double) figures.get("rss_mb"), (double) figures.get("peak_rss_mb"));
        System.out.printf(Locale.ROOT, "start-up to first note: ours %.2f s, cTAKES %.2f s   heap after GC: "
                        + "ours %.0f MB, ours + cTAKES %.0f MB%n", (double) figures.get("ours_startup_seconds"),
                (double) figures.get("ctakes_startup_seconds"), (double) figures.get("heap_after_ours_mb"),
                (double) figures.get("heap_after_both_mb"));
        Map<?, ?> dictionary = (Map<?, ?>) figures.get("ctakes_dictionary");
        System.out.printf(Locale.ROOT, "cTAKES 5.1.0 ran: %s; dictionary: %s%n",
                String.join(" > ", ctakes.pass().stageMillisPerNote().keySet()), dictionary.isEmpty() ? "not run"
                        : dictionary.get("rows") + " ICD-10-CM " + dictionary.get("release") + " titles (ours)");
        System.out.printf(Locale.ROOT, "%-8s %-8s %10s %12s %10s %10s %12s %12s%n", "system", "threads", "notes/s",
                "tokens/s", "p50 ms", "p99 ms", "mentions", "cpu ms/note");
        row("ours", ours1, (long) figures.get("ours_mentions"));
        row("ours", ours2, (long) figures.get("ours_mentions"));
        row("cTAKES", ctakes.pass(), ctakes.mentions());
        System.out.printf(Locale.ROOT, "ratio notes/s: ours 1 thread / cTAKES 1 thread = %.2f   ours 2 threads / "
                        + "cTAKES 1 thread = %.2f%n", (double) figures.get("ratio_ours1_to_ctakes1"),
                (double) figures.get("ratio_ours2_to_ctakes1"));
        System.out.printf(Locale.ROOT, "ratio of CPU time per note: cTAKES / ours (1 thread each) = %.2f%n",
                (double) figures.get("ratio_cpu_ctakes1_to_ours1"));
        System.out.printf(Locale.ROOT, "cTAKES negated mentions: %d of %d%n", ctakes.negated(), ctakes.mentions());
        System.out.println("time per stage (ms per note, 1 thread):");
        ours1.stageMillisPerNote().forEach((stage, millis) ->
                System.out.printf(Locale.ROOT, "  ours    %-12s %8.4f%n", stage, millis));
        ctakes.pass().stageMillisPerNote().forEach((stage, millis) ->
                System.out.printf(Locale.ROOT, "  cTAKES  %-12s %8.4f%n", stage, millis));
        System.out.println("tokens: ours = our tokenizer's tokens; cTAKES = BaseTokens except newlines. "
                + "mentions: ours = dictionary mentions (all code sets); cTAKES = distinct spans carrying a concept");
    }

    private static void row(String system, Pass pass, long mentions) {
        System.out.printf(Locale.ROOT, "%-8s %-8d %10.1f %12.0f %10.3f %10.3f %12d %12.3f%n", system, pass.threads(),
                pass.notesPerSecond(), pass.tokensPerSecond(), pass.p50Millis(), pass.p99Millis(), mentions,
                pass.cpuMillisPerNote());
    }

    private static double usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("opencac-ctakes-dict");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(CtakesDictionary.BSV_FILE));
            Files.deleteIfExists(folder.resolve(CtakesDictionary.LOOKUP_FILE));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            System.err.println("bench: could not delete " + folder);
        }
    }
}
