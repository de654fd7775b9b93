package org.opencac.core.rules;

import java.util.List;
import org.opencac.core.pipeline.AnalyzedNote;

/**
 * What {@link CodingRulesStage} did to one note: the note with its final suggestions, and every code the
 * rules removed, in the order they were removed. ({@link AnalyzedNote} has no field for removed codes yet, so
 * the stage's {@code apply} keeps only the note; callers that want the list use {@link CodingRulesStage#applyRules}.)
 */
public record RulesOutcome(AnalyzedNote note, List<DroppedCode> dropped) {
    public RulesOutcome {
        dropped = List.copyOf(dropped);
    }
}
