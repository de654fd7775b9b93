package org.opencac.core.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Warms up a benchmark until the JIT compiler has settled: repeats a round of work while the compiler took more than
 * a given share of one core during the previous round. A coding engine plus a web stack is a lot of code; on two cores
 * the compiler went on taking most of one core for a minute or more after a fixed warm-up, and a measurement taken
 * then shows the compiler's load more than the code's speed. The compiler measured is this JVM's, so the work must run
 * in this process.
 */
public final class JitWarmUp {
    /** Compiler share of one core below which a round counts as settled. */
    public static final double SETTLED_COMPILER_SHARE = 0.05;

    /** One round of warm-up work. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }

    /** How the warm-up went: rounds run, their wall time, the compiler's share of a core in the last round. */
    public record Outcome(int rounds, double seconds, double lastCompilerShare, boolean settled) {
    }

    /** Progress of each round, e.g. for a line on stderr. */
    @FunctionalInterface
    public interface Progress {
        void roundDone(int round, double compilerShare);
    }

    private JitWarmUp() {
    }

    /**
     * Runs {@code round} at least once and at most {@code maxRounds} times, stopping after the first round during
     * which the compiler took at most {@link #SETTLED_COMPILER_SHARE} of a core. Without compilation time
     * monitoring the round runs once.
     */
    public static Outcome untilCompiled(Round round, int maxRounds, Progress progress) throws Exception {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        boolean monitored = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        return untilCompiled(round, maxRounds, progress, monitored ? compiler::getTotalCompilationTime : null);
    }

    /** As above, with the compiler's total time in milliseconds so far from {@code compileMillis} (null: unknown). */
    static Outcome untilCompiled(Round round, int maxRounds, Progress progress, LongSupplier compileMillis)
            throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        double share = Double.NaN;
        while (rounds < Math.max(1, maxRounds)) {
            long compileBefore = compileMillis == null ? 0 : compileMillis.getAsLong();
            long roundStart = System.nanoTime();
            round.run();
            rounds++;
            if (compileMillis == null) {
                break;
            }
            double roundMillis = Math.max(1e-3, (System.nanoTime() - roundStart) / 1e6);
            share = (compileMillis.getAsLong() - compileBefore) / roundMillis;
            progress.roundDone(rounds, share);
            if (share <= SETTLED_COMPILER_SHARE) {
                break;
            }
        }
        return new Outcome(rounds, (System.nanoTime() - start) / 1e9, share,
                compileMillis != null && share <= SETTLED_COMPILER_SHARE);
    }
}
