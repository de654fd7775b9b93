package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.opencac.core.model.CodeSuggestion;

/**
 * A stored suggestion: its id within the note, the engine's public suggestion shape (unchanged, unwrapped) and
 * the coder's decision.
 *
 * @param origin "engine" or "coder" (a missed code a coder added)
 */
public record ReviewedSuggestion(@JsonProperty("id") int id, @JsonUnwrapped CodeSuggestion suggestion,
                                 @JsonProperty("origin") String origin,
                                 @JsonProperty("decision") Decision decision) {

    /** status: pending, accepted, rejected or replaced. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(@JsonProperty("status") String status, @JsonProperty("reason") String reason,
                           @JsonProperty("replacement") CodeRef replacement, @JsonProperty("by") String by,
                           @JsonProperty("at") Instant at) {
    }
}
