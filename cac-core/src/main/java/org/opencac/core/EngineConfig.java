package org.opencac.core;

import java.time.LocalDate;

/**
 * Settings of the engine.
 *
 * @param threshold                  suggestions below this confidence are only in {@link CodingResult#ranked()}
 * @param codeUncertainForInpatients inpatient convention: code "probable"/"rule out" diagnoses as established
 * @param defaultDateOfService       release used for notes that give no date of service (null: newest release)
 */
public record EngineConfig(double threshold, boolean codeUncertainForInpatients, LocalDate defaultDateOfService) {
    public static EngineConfig defaults() {
        return new EngineConfig(0.5, true, null);
    }

    public EngineConfig withThreshold(double newThreshold) {
        return new EngineConfig(newThreshold, codeUncertainForInpatients, defaultDateOfService);
    }

    public EngineConfig withDefaultDateOfService(LocalDate date) {
        return new EngineConfig(threshold, codeUncertainForInpatients, date);
    }
}
