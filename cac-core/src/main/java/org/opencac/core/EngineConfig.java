package org.opencac.core;

import java.time.LocalDate;
import java.util.Set;

/**
 * Settings of the engine.
 *
 * @param threshold                  suggestions below this confidence are only in {@link CodingResult#ranked()}
 * @param codeUncertainForInpatients inpatient convention: code "probable"/"rule out" diagnoses as established
 * @param defaultDateOfService       release used for notes that give no date of service (null: newest release)
 * @param useRanker                  score candidates with the learned ranker where one is bundled for the language
 * @param rankerThresholds           with the ranker, use the per-system cut-offs stored in its model card (chosen
 *                                   on dev) instead of {@code threshold}; {@link #withThreshold} turns this off
 * @param rankerSuggestsNegated      with the ranker, also suggest candidates whose mentions are all negated,
 *                                   hypothetical or family (default false: the coding convention; true lets the
 *                                   ranker's score alone decide, which scores higher on CodiEsp dev)
 * @param disabledRules              names of coding rules not to apply (see {@code CodingRulesStage}); a gold
 *                                   standard annotated mention by mention does not follow combination or
 *                                   Excludes1 conventions
 */
public record EngineConfig(double threshold, boolean codeUncertainForInpatients, LocalDate defaultDateOfService,
                           boolean useRanker, boolean rankerThresholds, boolean rankerSuggestsNegated,
                           Set<String> disabledRules) {
    public EngineConfig {
        disabledRules = Set.copyOf(disabledRules);
    }

    public static EngineConfig defaults() {
        return new EngineConfig(0.5, true, null, true, true, false, Set.of());
    }

    public EngineConfig withDisabledRules(Set<String> rules) {
        return new EngineConfig(threshold, codeUncertainForInpatients, defaultDateOfService, useRanker,
                rankerThresholds, rankerSuggestsNegated, rules);
    }

    /** An explicit cut-off for every system, also overriding the ranker's own cut-offs. */
    public EngineConfig withThreshold(double newThreshold) {
        return new EngineConfig(newThreshold, codeUncertainForInpatients, defaultDateOfService, useRanker, false, rankerSuggestsNegated, disabledRules);
    }

    public EngineConfig withDefaultDateOfService(LocalDate date) {
        return new EngineConfig(threshold, codeUncertainForInpatients, date, useRanker, rankerThresholds, rankerSuggestsNegated, disabledRules);
    }

    public EngineConfig withRankerSuggestsNegated(boolean enabled) {
        return new EngineConfig(threshold, codeUncertainForInpatients, defaultDateOfService, useRanker, rankerThresholds,
                enabled, disabledRules);
    }

    public EngineConfig withRanker(boolean enabled) {
        return new EngineConfig(threshold, codeUncertainForInpatients, defaultDateOfService, enabled, rankerThresholds,
                rankerSuggestsNegated, disabledRules);
    }
}
