package org.opencac.service.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.service.core.Vocabulary;

/** A tiny ICD-10-CM tree (E11 with two children, I10) in two releases. */
public class FakeVocabulary implements Vocabulary {
    private static final CodeEntry E11 = entry("E11", "Type 2 diabetes mellitus", false);
    private static final CodeEntry E11_9 = entry("E11.9", "Type 2 diabetes mellitus without complications", true);
    private static final CodeEntry E11_65 = entry("E11.65", "Type 2 diabetes mellitus with hyperglycemia", true);
    private static final CodeEntry I10 = entry("I10", "Essential (primary) hypertension", true);
    private static final List<CodeEntry> ALL = List.of(E11, E11_9, E11_65, I10);

    private static CodeEntry entry(String code, String title, boolean billable) {
        return new CodeEntry(CodeSystem.ICD10CM, code, title, title, billable, "FY2018");
    }

    @Override
    public Optional<CodeEntry> lookup(CodeSystem system, String code, LocalDate dateOfService) {
        return ALL.stream().filter(e -> e.system() == system && e.code().equalsIgnoreCase(code)).findFirst();
    }

    @Override
    public List<CodeEntry> children(CodeSystem system, String code, LocalDate dateOfService) {
        return code.equalsIgnoreCase("E11") ? List.of(E11_9, E11_65) : List.of();
    }

    @Override
    public List<CodeEntry> descendants(CodeSystem system, String code, LocalDate dateOfService) {
        // Like a dictionaries build without the hierarchy: the endpoint must answer 501.
        throw new UnsupportedOperationException("hierarchy not loaded");
    }

    @Override
    public List<CodeEntry> search(CodeSystem system, String query, LocalDate dateOfService, int limit) {
        String q = query.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(e -> e.title().toLowerCase(Locale.ROOT).contains(q)).limit(limit).toList();
    }

    @Override
    public List<String> releases(CodeSystem system) {
        return List.of("FY2017", "FY2018");
    }

    @Override
    public List<Change> diff(CodeSystem system, String fromRelease, String toRelease) {
        return List.of(new Change("E11.65", "added", null, E11_65.title()));
    }
}
