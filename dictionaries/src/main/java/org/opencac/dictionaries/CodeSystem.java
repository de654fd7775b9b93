package org.opencac.dictionaries;

/** The code systems the engine knows. {@link #displayName()} is the name used in JSON and reports. */
public enum CodeSystem {
    ICD10CM("ICD-10-CM"),
    ICD10PCS("ICD-10-PCS"),
    HCPCS("HCPCS"),
    CPT("CPT");

    private final String displayName;

    CodeSystem(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static CodeSystem fromDisplayName(String name) {
        for (CodeSystem system : values()) {
            if (system.displayName.equalsIgnoreCase(name) || system.name().equalsIgnoreCase(name)) {
                return system;
            }
        }
        throw new IllegalArgumentException("Unknown code system: " + name);
    }
}
