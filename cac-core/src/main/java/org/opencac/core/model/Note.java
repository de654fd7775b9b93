package org.opencac.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A clinical note to code. The text is kept exactly as received: every offset in the system points into it.
 *
 * @param dateOfService selects the code-set release; {@code null} means "use the configured default"
 */
public record Note(String id, String text, EncounterType encounterType, LocalDate dateOfService, Language language) {
    public Note {
        Objects.requireNonNull(text, "text");
        encounterType = encounterType == null ? EncounterType.OUTPATIENT : encounterType;
        language = language == null ? Language.EN : language;
    }

    public static Note of(String id, String text, Language language) {
        return new Note(id, text, EncounterType.OUTPATIENT, null, language);
    }

    /** Note text is patient data: never let it reach a log line through toString. */
    @Override
    public String toString() {
        return "Note[id=" + id + ", chars=" + text.length() + ", " + encounterType.code() + ", " + language.code()
                + ", dateOfService=" + dateOfService + "]";
    }
}
