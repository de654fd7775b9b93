package org.opencac.eval.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.opencac.core.CodingEngine;
import org.opencac.core.CodingResult;
import org.opencac.core.EngineConfig;
import org.opencac.core.bench.JitWarmUp;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.core.pipeline.Pipeline;
import org.opencac.eval.bench.NoteFolder.NamedText;
import org.opencac.eval.report.JsonReport;

/**
 * {@code bench pipeline}: codes a folder of notes after a warm-up, with 1 and 2 threads, and prints throughput,
 * latency percentiles, time per stage, memory and start-up time. Figures come from one process run, so the
 * ratios between runs hold on a noisy machine better than absolute numbers do.
 */
public final class PipelineBenchmark {

    /**
     * Figures of one measured pass. {@code cpuMillisPerNote}: CPU time of the coding threads per note; unlike the
     * wall-clock figures it hardly changes when other jobs share the cores, so 1000 / cpuMillisPerNote is the rate
     * one thread would reach with a core to itself.
     */
    public record Pass(int threads, int notes, long tokens, double seconds, double notesPerSecond,
                       double tokensPerSecond, double p50Millis, double p99Millis, Map<String, Double> stageMillisPerNote,
                       double cpuMillisPerNote) {
    }

    private final CodingEngine engine;
    private final Language language;

    public PipelineBenchmark(CodingEngine engine, Language language) {
        this.engine = engine;
        this.language = language;
    }

    public static Map<String, Object> run(Path notesSource, Language language, int[] threadCounts, int warmupNotes,
                                          int maxWarmupRounds, Path out) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String inside = language == Language.EN ? "text_files_en/" : "text_files/";
        List<NamedText> notes = NoteFolder.read(notesSource, inside);
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("no .txt notes in " + notesSource);
        }
        CodingEngine engine = CodingEngine.create(EngineConfig.defaults());
        engine.code(new Note(notes.get(0).name(), notes.get(0).text(), null, null, language));
        double startupSeconds = (System.currentTimeMillis() - jvmStart) / 1000.0;
        System.err.printf(Locale.ROOT, "bench: %d notes, start-up to first coded note %.2f s%n", notes.size(),
                startupSeconds);

        PipelineBenchmark bench = new PipelineBenchmark(engine, language);
        // At least warmupNotes notes (cycling through a small folder), then rounds of the whole folder until the
        // JIT compiler has settled (see JitWarmUp), at most maxWarmupRounds of them.
        for (int done = 0; done < warmupNotes; done += notes.size()) {
            bench.pass(notes.subList(0, Math.min(warmupNotes - done, notes.size())), 1);
        }
        JitWarmUp.Outcome warmUp = warmUntilCompiled(bench, notes, maxWarmupRounds);
        List<Pass> passes = new ArrayList<>();
        for (int threads : threadCounts) {
            passes.add(bench.pass(notes, threads));
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("notes", notes.size());
        figures.put("language", language.code());
        figures.put("source", notesSource.toString());
        figures.put("startup_seconds", startupSeconds);
        figures.put("warmup_rounds", warmUp.rounds());
        figures.put("warmup_seconds", warmUp.seconds());
        figures.put("warmup_settled", warmUp.settled());
        figures.put("passes", passes);
        figures.put("peak_heap_mb", peakHeapBytes() / 1048576.0);
        figures.put("rss_mb", procStatusKb("VmRSS") / 1024.0);
        figures.put("peak_rss_mb", procStatusKb("VmHWM") / 1024.0);
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("java", System.getProperty("java.version"));
        print(figures, passes);
        if (out != null) {
            try {
                Files.createDirectories(out);
                JsonReport.write(out.resolve("bench.json"), figures);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return figures;
    }

    private static JitWarmUp.Outcome warmUntilCompiled(PipelineBenchmark bench, List<NamedText> notes, int maxRounds) {
        if (maxRounds <= 0) {
            return new JitWarmUp.Outcome(0, 0, Double.NaN, false);
        }
        try {
            JitWarmUp.Outcome outcome = JitWarmUp.untilCompiled(() -> bench.pass(notes, 1), maxRounds,
                    (round, share) -> System.err.printf(Locale.ROOT,
                            "bench: warm-up round %d (%d notes): JIT compiler %.0f%% of a core%n", round,
                            notes.size(), 100 * share));
            System.err.printf(Locale.ROOT, "bench: warm-up %s after %d rounds in %.1f s%n",
                    outcome.settled() ? "settled" : "stopped unsettled", outcome.rounds(), outcome.seconds());
            return outcome;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("warm-up failed", e);
        }
    }

    /** Codes every note once with the given number of threads. */
    public Pass pass(List<NamedText> notes, int threads) {
        Pipeline pipeline = engine.pipeline(language);
        Map<String, Long> stageBefore = pipeline.stageNanos();
        long[] latencies = new long[notes.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong tokens = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    int i;
                    while ((i = next.getAndIncrement()) < notes.size()) {
                        NamedText named = notes.get(i);
                        long noteStart = System.nanoTime();
                        CodingResult result = engine.code(new Note(named.name(), named.text(), null, null, language));
                        latencies[i] = System.nanoTime() - noteStart;
                        tokens.addAndGet(result.analysis().tokens().size());
                    }
                    cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("benchmark pass failed", e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> perStage = new LinkedHashMap<>();
        pipeline.stageNanos().forEach((stage, nanos) ->
                perStage.put(stage, (nanos - stageBefore.getOrDefault(stage, 0L)) / 1e6 / notes.size()));
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Pass(threads, notes.size(), tokens.get(), seconds, notes.size() / seconds, tokens.get() / seconds,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, perStage,
                cpuNanos.get() / 1e6 / notes.size());
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A field of /proc/self/status in kB (Linux), or -1 where there is none. */
    public static long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static void print(Map<String, Object> figures, List<Pass> passes) {
        System.out.printf(Locale.ROOT, "notes: %s (%s)   start-up to first note: %.2f s   peak heap: %.0f MB   "
                        + "RSS: %.0f MB (peak %.0f MB)   cores: %s%n",
                figures.get("notes"), figures.get("language"), (double) figures.get("startup_seconds"),
                (double) figures.get("peak_heap_mb"), (double) figures.get("rss_mb"),
                (double) figures.get("peak_rss_mb"), figures.get("cores"));
        System.out.printf(Locale.ROOT, "%-8s %10s %12s %10s %10s %14s%n", "threads", "notes/s", "tokens/s", "p50 ms",
                "p99 ms", "cpu ms/note");
        for (Pass pass : passes) {
            System.out.printf(Locale.ROOT, "%-8d %10.1f %12.0f %10.3f %10.3f %14.3f%n", pass.threads(),
                    pass.notesPerSecond(), pass.tokensPerSecond(), pass.p50Millis(), pass.p99Millis(),
                    pass.cpuMillisPerNote());
        }
        if (!passes.isEmpty()) {
            System.out.println("time per stage (ms per note, 1st pass):");
            passes.get(0).stageMillisPerNote().forEach((stage, millis) ->
                    System.out.printf(Locale.ROOT, "  %-12s %8.4f%n", stage, millis));
        }
    }
}
