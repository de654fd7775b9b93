package org.opencac.core.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.core.model.Note;

/**
 * An ordered list of named stages. The constructor checks that every stage's requirements are provided by an
 * earlier stage, so a mis-ordered pipeline fails at start-up rather than on the first note.
 */
public final class Pipeline {
    private final List<Stage> stages;
    private final StageTimings timings = new StageTimings();

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
        Set<Layer> available = EnumSet.noneOf(Layer.class);
        Set<String> names = new java.util.HashSet<>();
        for (Stage stage : this.stages) {
            if (!names.add(stage.name())) {
                throw new IllegalStateException("Two stages are named '" + stage.name() + "'");
            }
            Set<Layer> missing = EnumSet.noneOf(Layer.class);
            for (Layer required : stage.requires()) {
                if (!available.contains(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Stage '" + stage.name() + "' requires " + missing
                        + " but no earlier stage provides it; order: " + stageNames());
            }
            available.addAll(stage.provides());
        }
    }

    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (Stage stage : stages) {
            names.add(stage.name());
        }
        return names;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Runs every stage in order and records how long each took. */
    public AnalyzedNote run(Note note) {
        AnalyzedNote analyzed = AnalyzedNote.of(note);
        for (Stage stage : stages) {
            long start = System.nanoTime();
            analyzed = stage.apply(analyzed);
            timings.record(stage.name(), System.nanoTime() - start);
        }
        return analyzed;
    }

    /** Cumulative nanoseconds spent in each stage since start-up, in pipeline order. */
    public Map<String, Long> stageNanos() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Stage stage : stages) {
            result.put(stage.name(), timings.nanos(stage.name()));
        }
        return result;
    }

    public StageTimings timings() {
        return timings;
    }
}
