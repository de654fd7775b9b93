package org.opencac.core;

import java.util.List;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Mention;
import org.opencac.core.pipeline.AnalyzedNote;

/**
 * What the engine says about one note.
 *
 * @param suggestions the suggestions at or above the configured confidence threshold, best first (what a coder sees)
 * @param ranked      every scored candidate, best first, including those below the threshold (for MAP and sweeps)
 * @param mentions    every dictionary mention with its context, including negated ones (evidence for the coder)
 * @param analysis    the full analysis (sentences, tokens, sections), for tools that need it
 */
public record CodingResult(List<CodeSuggestion> suggestions, List<CodeSuggestion> ranked, List<Mention> mentions,
                           AnalyzedNote analysis) {
    public CodingResult {
        suggestions = List.copyOf(suggestions);
        ranked = List.copyOf(ranked);
        mentions = List.copyOf(mentions);
    }
}
