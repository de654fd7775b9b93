package org.opencac.core.stages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.Dictionaries;

/**
 * Coding rules that need only the code set: a code not in the release in force on the date of service is
 * dropped; a non-billable header code is dropped when a billable code below it is also suggested, and otherwise
 * kept with a note in its rationale that a more specific code is needed.
 *
 * @deprecated replaced by {@link org.opencac.core.rules.CodingRulesStage}; kept only so that the import in
 *     {@code CodingEngine} still compiles until the ranker branch is merged, then delete it.
 */
@Deprecated
public final class ValidityRuleStage implements Stage {
    private final Dictionaries dictionaries;
    private final LocalDate defaultDateOfService;

    public ValidityRuleStage(Dictionaries dictionaries, LocalDate defaultDateOfService) {
        this.dictionaries = dictionaries;
        this.defaultDateOfService = defaultDateOfService;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SUGGESTIONS);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.RULES_APPLIED);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        LocalDate date = note.note().dateOfService() != null ? note.note().dateOfService() : defaultDateOfService;
        List<CodeSuggestion> kept = new ArrayList<>();
        for (CodeSuggestion suggestion : note.suggestions()) {
            Optional<CodeEntry> entry = dictionaries.lookup(suggestion.codeSystem(), suggestion.code(), date);
            if (entry.isEmpty()) {
                continue;
            }
            if (!entry.get().billable()) {
                if (hasMoreSpecific(suggestion, note.suggestions())) {
                    continue;
                }
                suggestion = suggestion.withConfidence(suggestion.confidence(),
                        suggestion.rationale() + "; header code: a more specific billable code is needed",
                        suggestion.stage());
            }
            kept.add(suggestion);
        }
        return note.withSuggestions(kept, Layer.RULES_APPLIED);
    }

    private static boolean hasMoreSpecific(CodeSuggestion header, List<CodeSuggestion> all) {
        for (CodeSuggestion other : all) {
            if (other != header && other.codeSystem() == header.codeSystem()
                    && other.code().length() > header.code().length() && other.code().startsWith(header.code())) {
                return true;
            }
        }
        return false;
    }
}
