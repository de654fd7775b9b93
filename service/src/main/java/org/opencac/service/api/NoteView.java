package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored note with its suggestions and decisions (GET /api/v1/notes/{id}, and the POST answer). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoteView(@JsonProperty("id") String id, @JsonProperty("externalEncounterId") String externalEncounterId,
                       @JsonProperty("patientRef") String patientRef,
                       @JsonProperty("encounterType") String encounterType,
                       @JsonProperty("dateOfService") LocalDate dateOfService,
                       @JsonProperty("language") String language, @JsonProperty("text") String text,
                       @JsonProperty("status") String status, @JsonProperty("version") int version,
                       @JsonProperty("coderVersion") String coderVersion,
                       @JsonProperty("createdAt") Instant createdAt, @JsonProperty("finalizedBy") String finalizedBy,
                       @JsonProperty("finalizedAt") Instant finalizedAt,
                       @JsonProperty("suggestions") List<ReviewedSuggestion> suggestions) {

    /** Never print the text: it is patient data. */
    @Override
    public String toString() {
        return "NoteView[" + id + ", " + status + ", v" + version + "]";
    }
}
