package org.opencac.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencac.core.CodingEngine;
import org.opencac.core.EngineConfig;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Stage;
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

/**
 * Time of one pipeline stage on one note. Each note is first run through the stages before {@code stage}, so the
 * measured call gets exactly the {@link AnalyzedNote} it gets in production; every call takes the next note of
 * the fixed set in turn, so the figure is the mean over those notes ({@link FullPipelineBenchmark} times the whole
 * note). The stages are those of the default engine's English pipeline; another is measured with
 * {@code -p stage=NAME}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StageBenchmark {

    @Param({"sentences", "tokens", "sections", "dictionary", "context", "ranker", "services", "rules"})
    public String stage;

    /** {@value FixedNotes#SAMPLES}, or a folder or .tar.gz of English notes (its first 8 notes by name). */
    @Param(FixedNotes.SAMPLES)
    public String notes;

    private Stage measured;
    private List<AnalyzedNote> inputs;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        CodingEngine engine = CodingEngine.create(EngineConfig.defaults());
        List<Note> rawNotes = FixedNotes.load(notes);
        List<Stage> stages = engine.pipeline(Language.EN).stages();
        int index = indexOf(stages, stage);
        measured = stages.get(index);
        inputs = new ArrayList<>();
        for (Note note : rawNotes) {
            inputs.add(runUpTo(stages, index, note));
        }
    }

    /** The note after every stage before {@code stop} (exclusive). */
    static AnalyzedNote runUpTo(List<Stage> stages, int stop, Note note) {
        AnalyzedNote analyzed = AnalyzedNote.of(note);
        for (int i = 0; i < stop; i++) {
            analyzed = stages.get(i).apply(analyzed);
        }
        return analyzed;
    }

    static int indexOf(List<Stage> stages, String name) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
            names.add(stages.get(i).name());
        }
        throw new IllegalArgumentException("no stage '" + name + "' in the English pipeline; stages: " + names);
    }

    private int nextIndex() {
        int index = next;
        next = (next + 1) % inputs.size();
        return index;
    }

    /** One stage on one prepared note. */
    @Benchmark
    public AnalyzedNote stage() {
        return measured.apply(inputs.get(nextIndex()));
    }
}
