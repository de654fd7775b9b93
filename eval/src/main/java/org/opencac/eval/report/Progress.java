package org.opencac.eval.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Reports "done / total" and the rate on long work, at most once per interval, plus a final line.
 * Thread-safe. Prints counts only, never document content.
 */
public final class Progress {
    private static final long DEFAULT_INTERVAL_NANOS = 2_000_000_000L;

    private final String label;
    private final int total;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long startNanos;
    private final AtomicInteger done = new AtomicInteger();
    private long lastPrintNanos;

    public Progress(String label, int total, PrintStream out, LongSupplier nanoClock, long intervalNanos) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /** Prints to stderr at most every 2 seconds. */
    public static Progress toStderr(String label, int total) {
        return new Progress(label, total, System.err, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    public void step() {
        int current = done.incrementAndGet();
        long now = nanoClock.getAsLong();
        synchronized (this) {
            if (now - lastPrintNanos >= intervalNanos && current < total) {
                lastPrintNanos = now;
                out.println(line(current, now));
            }
        }
    }

    public synchronized void finish() {
        out.println(line(done.get(), nanoClock.getAsLong()) + " done");
    }

    private String line(int current, long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? current / seconds : 0.0;
        return String.format(Locale.ROOT, "%s: %d/%d (%.1f docs/s, %.1f s)", label, current, total, rate, seconds);
    }
}
