package org.opencac.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.opencac.dictionaries.CodeSystem;

/**
 * A code the system proposes for a note. This is the public JSON shape of a suggestion
 * ({@code ./cac code}, {@code POST /api/v1/notes}): fields may be added, never renamed or removed.
 *
 * @param confidence probability-like score in 0..1 that a coder would assign this code
 * @param stage      the pipeline stage that proposed (or last changed) the suggestion
 * @param version    the code-set release the code was checked against, e.g. "FY2018"
 */
@JsonPropertyOrder({"system", "code", "description", "confidence", "evidence", "assertion", "rationale", "stage",
        "version"})
public record CodeSuggestion(@JsonIgnore CodeSystem codeSystem, String code, String description, double confidence,
                             List<Evidence> evidence, Assertion assertion, String rationale, String stage,
                             String version) {
    public CodeSuggestion {
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        evidence = List.copyOf(evidence);
    }

    @JsonCreator
    static CodeSuggestion fromJson(@JsonProperty("system") String system, @JsonProperty("code") String code,
                                   @JsonProperty("description") String description,
                                   @JsonProperty("confidence") double confidence,
                                   @JsonProperty("evidence") List<Evidence> evidence,
                                   @JsonProperty("assertion") Assertion assertion,
                                   @JsonProperty("rationale") String rationale, @JsonProperty("stage") String stage,
                                   @JsonProperty("version") String version) {
        return new CodeSuggestion(CodeSystem.fromDisplayName(system), code, description, confidence,
                evidence == null ? List.of() : evidence, assertion, rationale, stage, version);
    }

    @JsonProperty("system")
    public String system() {
        return codeSystem.displayName();
    }

    public CodeSuggestion withConfidence(double newConfidence, String newRationale, String newStage) {
        return new CodeSuggestion(codeSystem, code, description, newConfidence, evidence, assertion, newRationale,
                newStage, version);
    }
}
