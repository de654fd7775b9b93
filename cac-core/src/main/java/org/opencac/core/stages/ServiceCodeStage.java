package org.opencac.core.stages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.dictionaries.CodeSystem;

/**
 * CPT and HCPCS service codes next to the learned ranker: the ranker was trained on diagnoses and inpatient
 * procedures only (CodiEsp has no service codes), so services keep the transparent match-based confidence of
 * {@link SuggestionStage} and are added to the ranked list.
 */
public final class ServiceCodeStage implements Stage {
    private static final Set<CodeSystem> SERVICE_SYSTEMS = Set.of(CodeSystem.CPT, CodeSystem.HCPCS);
    private final SuggestionStage suggestions;

    public ServiceCodeStage(SuggestionStage suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public String name() {
        return "services";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.CONTEXT, Layer.SUGGESTIONS);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of();
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        List<CodeSuggestion> services = suggestions.suggest(note, SERVICE_SYSTEMS::contains);
        if (services.isEmpty()) {
            return note;
        }
        List<CodeSuggestion> all = new ArrayList<>(note.suggestions());
        all.addAll(services);
        all.sort(Comparator.comparingDouble(CodeSuggestion::confidence).reversed()
                .thenComparing(CodeSuggestion::code));
        return note.withSuggestions(all);
    }
}
