package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of POST /api/v1/notes/{id}/finalize: the note version the coder saw. */
public record VersionRequest(@JsonProperty("version") Integer version) {
}
