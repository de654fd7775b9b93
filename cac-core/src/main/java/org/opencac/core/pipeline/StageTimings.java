package org.opencac.core.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe running totals of time and calls per stage, for benchmarks and the service's metrics. */
public final class StageTimings {
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    void record(String stage, long elapsedNanos) {
        nanos.computeIfAbsent(stage, k -> new LongAdder()).add(elapsedNanos);
        calls.computeIfAbsent(stage, k -> new LongAdder()).increment();
    }

    public long nanos(String stage) {
        LongAdder adder = nanos.get(stage);
        return adder == null ? 0 : adder.sum();
    }

    public long calls(String stage) {
        LongAdder adder = calls.get(stage);
        return adder == null ? 0 : adder.sum();
    }

    public void reset() {
        nanos.clear();
        calls.clear();
    }
}
