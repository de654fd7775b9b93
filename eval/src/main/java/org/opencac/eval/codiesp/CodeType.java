package org.opencac.eval.codiesp;

import java.util.Optional;
import org.opencac.dictionaries.CodeSystem;

/** The two CodiEsp code tracks: diagnoses (ICD-10-CM) and procedures (ICD-10-PCS). */
public enum CodeType {
    D("DIAGNOSTICO", CodeSystem.ICD10CM),
    P("PROCEDIMIENTO", CodeSystem.ICD10PCS);

    private final String label;
    private final CodeSystem codeSystem;

    CodeType(String label, CodeSystem codeSystem) {
        this.label = label;
        this.codeSystem = codeSystem;
    }

    /** The label used in the X files. */
    public String label() {
        return label;
    }

    public CodeSystem codeSystem() {
        return codeSystem;
    }

    public static CodeType fromLabel(String label) {
        for (CodeType type : values()) {
            if (type.label.equalsIgnoreCase(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown CodiEsp label: " + label);
    }

    /** The CodiEsp track of an engine code system; empty for systems CodiEsp does not score (CPT, HCPCS). */
    public static Optional<CodeType> of(CodeSystem system) {
        for (CodeType type : values()) {
            if (type.codeSystem == system) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
