package org.opencac.core.pipeline;

import java.util.Set;

/**
 * One step of the pipeline: takes the analysis so far and returns it with more layers. A stage is built once
 * and shared by all threads, so it must be thread-safe and keep no per-note state.
 */
public interface Stage {
    /** Short stable name used in timings, rationales and the {@code stage} field of a suggestion. */
    String name();

    Set<Layer> requires();

    Set<Layer> provides();

    AnalyzedNote apply(AnalyzedNote note);
}
