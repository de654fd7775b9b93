package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of POST /api/v1/notes/{id}/suggestions/{sid}/decision.
 *
 * @param action      accept, reject or replace
 * @param reason      required for reject and replace
 * @param replacement the code to use instead (replace only)
 * @param version     the note version the coder saw; a stale version is refused with 409
 */
public record DecisionRequest(@JsonProperty("action") String action, @JsonProperty("reason") String reason,
                              @JsonProperty("replacement") CodeRef replacement,
                              @JsonProperty("version") Integer version) {
}
