package org.opencac.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencac.core.CodingEngine;
import org.opencac.core.CodingResult;
import org.opencac.core.EngineConfig;
import org.opencac.core.model.Note;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to code one note end to end ({@link CodingEngine#code}), the mean over the fixed notes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FullPipelineBenchmark {

    @Param(FixedNotes.SAMPLES)
    public String notes;

    private CodingEngine engine;
    private List<Note> fixed;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        engine = CodingEngine.create(EngineConfig.defaults());
        fixed = FixedNotes.load(notes);
    }

    @Benchmark
    public CodingResult code() {
        Note note = fixed.get(next);
        next = (next + 1) % fixed.size();
        return engine.code(note);
    }
}
