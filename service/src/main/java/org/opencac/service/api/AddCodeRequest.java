package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of POST /api/v1/notes/{id}/suggestions: a code the engine missed, added by a coder. */
public record AddCodeRequest(@JsonProperty("system") String system, @JsonProperty("code") String code,
                             @JsonProperty("reason") String reason,
                             @JsonProperty("evidence") List<SpanRef> evidence,
                             @JsonProperty("version") Integer version) {

    /** A span of the note the coder points to as evidence. */
    public record SpanRef(@JsonProperty("start") int start, @JsonProperty("end") int end) {
    }
}
