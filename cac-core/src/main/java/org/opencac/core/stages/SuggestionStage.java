package org.opencac.core.stages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Context;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Mention;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/**
 * Turns mentions into one suggestion per code, following the coding conventions for context: negated,
 * hypothetical and family mentions never become suggestions (they stay in the mentions for the coder);
 * uncertain ones only for inpatients when configured so. The confidence here is a transparent heuristic from
 * the match quality and the number of mentions; a learned ranker, where configured, replaces it.
 */
public final class SuggestionStage implements Stage {
    private final Dictionaries dictionaries;
    private final boolean codeUncertainForInpatients;
    private final LocalDate defaultDateOfService;

    public SuggestionStage(Dictionaries dictionaries, boolean codeUncertainForInpatients,
                           LocalDate defaultDateOfService) {
        this.dictionaries = dictionaries;
        this.codeUncertainForInpatients = codeUncertainForInpatients;
        this.defaultDateOfService = defaultDateOfService;
    }

    @Override
    public String name() {
        return "suggest";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.CONTEXT);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.SUGGESTIONS);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        return note.withSuggestions(suggest(note, system -> true), Layer.SUGGESTIONS);
    }

    /** One suggestion per code of the given systems, best first. */
    public List<CodeSuggestion> suggest(AnalyzedNote note, java.util.function.Predicate<CodeSystem> systems) {
        boolean inpatient = note.note().encounterType() == EncounterType.INPATIENT;
        Map<String, List<Mention>> byCode = new LinkedHashMap<>();
        for (Mention mention : note.mentions()) {
            if (systems.test(mention.system()) && isCodable(mention.context(), inpatient)) {
                byCode.computeIfAbsent(mention.system().name() + "|" + mention.code(), k -> new ArrayList<>())
                        .add(mention);
            }
        }
        LocalDate date = note.note().dateOfService() != null ? note.note().dateOfService() : defaultDateOfService;
        List<CodeSuggestion> suggestions = new ArrayList<>();
        for (List<Mention> group : byCode.values()) {
            suggestions.add(suggest(group, date));
        }
        suggestions.sort(Comparator.comparingDouble(CodeSuggestion::confidence).reversed()
                .thenComparing(CodeSuggestion::code));
        return suggestions;
    }

    boolean isCodable(Context context, boolean inpatient) {
        if (context.negated() || context.hypothetical() || context.family()) {
            return false;
        }
        return !context.uncertain() || (inpatient && codeUncertainForInpatients);
    }

    private CodeSuggestion suggest(List<Mention> group, LocalDate date) {
        Mention best = group.get(0);
        boolean anyCurrent = false;
        for (Mention mention : group) {
            if (mention.matchScore() > best.matchScore()) {
                best = mention;
            }
            anyCurrent |= !mention.context().historical();
        }
        double confidence = 0.45 + 0.4 * best.matchScore() + 0.05 * Math.min(group.size() - 1, 2);
        Assertion assertion = anyCurrent ? best.context().assertion() : Assertion.HISTORICAL;
        if (!anyCurrent) {
            confidence *= 0.85;
        }
        if (best.context().uncertain()) {
            assertion = Assertion.UNCERTAIN;
        }
        CodeSystem system = best.system();
        Optional<CodeEntry> entry = dictionaries.lookup(system, best.code(), date);
        String description = entry.map(CodeEntry::title).orElse(best.term());
        List<Evidence> evidence = new ArrayList<>();
        for (Mention mention : group) {
            evidence.add(mention.evidence());
        }
        String rationale = String.format(java.util.Locale.ROOT, "%d mention%s; best matched \"%s\" (%s, match %.2f)%s",
                group.size(), group.size() == 1 ? "" : "s", best.term(), best.termSource(), best.matchScore(),
                anyCurrent ? "" : "; history only");
        return new CodeSuggestion(system, best.code(), description, Math.min(confidence, 0.99), evidence, assertion,
                rationale, name(), best.release());
    }
}
