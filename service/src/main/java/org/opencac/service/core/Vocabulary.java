package org.opencac.service.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;

/**
 * What the vocabulary endpoints need from the code sets. The dictionaries module backs it
 * ({@link DictionariesVocabulary}); an operation it cannot answer yet throws UnsupportedOperationException (501).
 * A release is chosen by date of service (null: the newest release).
 */
public interface Vocabulary {

    /** How a code changed between two releases: added, removed, or its title changed. */
    record Change(String code, String kind, String oldTitle, String newTitle) {
    }

    Optional<CodeEntry> lookup(CodeSystem system, String code, LocalDate dateOfService);

    /** Direct children in the code hierarchy (E11 -> E11.0, E11.1, ...). */
    List<CodeEntry> children(CodeSystem system, String code, LocalDate dateOfService);

    /** Every code below this one, depth first. */
    List<CodeEntry> descendants(CodeSystem system, String code, LocalDate dateOfService);

    /** Codes whose titles or index terms match the query, best first. */
    List<CodeEntry> search(CodeSystem system, String query, LocalDate dateOfService, int limit);

    /** The releases of the system, oldest first, e.g. "FY2018". */
    List<String> releases(CodeSystem system);

    List<Change> diff(CodeSystem system, String fromRelease, String toRelease);
}
