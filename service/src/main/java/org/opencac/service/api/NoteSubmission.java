package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Language;

/** Body of POST /api/v1/notes and one element of a batch. Unknown fields are rejected. */
public record NoteSubmission(@JsonProperty("text") String text,
                             @JsonProperty("externalEncounterId") String externalEncounterId,
                             @JsonProperty("patientRef") String patientRef,
                             @JsonProperty("encounterType") EncounterType encounterType,
                             @JsonProperty("dateOfService") LocalDate dateOfService,
                             @JsonProperty("language") Language language) {

    /** Never print the text: it is patient data. */
    @Override
    public String toString() {
        return "NoteSubmission[chars=" + (text == null ? 0 : text.length()) + ", encounter=" + externalEncounterId
                + "]";
    }
}
