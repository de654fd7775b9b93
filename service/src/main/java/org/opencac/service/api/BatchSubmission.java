package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of POST /api/v1/batches. */
public record BatchSubmission(@JsonProperty("notes") List<NoteSubmission> notes) {
}
