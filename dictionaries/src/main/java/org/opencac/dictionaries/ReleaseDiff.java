package org.opencac.dictionaries;

import java.util.List;

/** What changed between two releases of one code system. Codes are canonical; lists are sorted. */
public record ReleaseDiff(CodeSystem system, String fromRelease, String toRelease, List<String> added,
                          List<String> deleted, List<Retitled> retitled) {

    public ReleaseDiff {
        added = List.copyOf(added);
        deleted = List.copyOf(deleted);
        retitled = List.copyOf(retitled);
    }

    /** A code present in both releases whose long title changed. */
    public record Retitled(String code, String oldTitle, String newTitle) {
    }
}
