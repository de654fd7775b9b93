package org.opencac.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The setting of the encounter. It changes the coding conventions: an inpatient record may code uncertain
 * diagnoses ("probable", "rule out") as established at discharge, an outpatient one may not.
 */
public enum EncounterType {
    OUTPATIENT, INPATIENT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EncounterType fromCode(String code) {
        for (EncounterType type : values()) {
            if (type.code().equalsIgnoreCase(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown encounter type '" + code + "' (use outpatient or inpatient)");
    }
}
