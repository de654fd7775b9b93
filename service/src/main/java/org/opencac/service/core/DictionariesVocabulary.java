package org.opencac.service.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeRelease;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.ReleaseDiff;
import org.opencac.dictionaries.search.SearchHit;

/**
 * {@link Vocabulary} over the bundled dictionaries. The code hierarchy is ICD-10-CM's; for the other systems
 * children and descendants are the codes that extend the given one (PCS tables, HCPCS has none).
 */
public class DictionariesVocabulary implements Vocabulary {
    private final Supplier<Dictionaries> dictionaries;

    public DictionariesVocabulary(Supplier<Dictionaries> dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public Optional<CodeEntry> lookup(CodeSystem system, String code, LocalDate dateOfService) {
        return dictionaries.get().lookup(system, canonical(code), dateOfService);
    }

    @Override
    public List<CodeEntry> children(CodeSystem system, String code, LocalDate dateOfService) {
        if (system == CodeSystem.ICD10CM) {
            return dictionaries.get().children(canonical(code), dateOfService);
        }
        String prefix = canonical(code);
        List<CodeEntry> children = new ArrayList<>();
        for (CodeEntry entry : extending(system, prefix, dateOfService)) {
            if (entry.code().length() == prefix.length() + 1) {
                children.add(entry);
            }
        }
        return children;
    }

    @Override
    public List<CodeEntry> descendants(CodeSystem system, String code, LocalDate dateOfService) {
        return extending(system, canonical(code), dateOfService);
    }

    @Override
    public List<CodeEntry> search(CodeSystem system, String query, LocalDate dateOfService, int limit) {
        List<CodeEntry> found = new ArrayList<>();
        // Search all systems and keep the asked one: the index ranks across systems, so ask for more hits.
        for (SearchHit hit : dictionaries.get().search(query, "en", dateOfService, Math.max(limit * 4, 50))) {
            if (hit.system() == system && found.size() < limit) {
                found.add(new CodeEntry(hit.system(), hit.code(), hit.title(), hit.title(), hit.billable(),
                        hit.release()));
            }
        }
        return found;
    }

    @Override
    public List<String> releases(CodeSystem system) {
        return dictionaries.get().releases(system).stream().map(CodeRelease::name).toList();
    }

    @Override
    public List<Change> diff(CodeSystem system, String fromRelease, String toRelease) {
        ReleaseDiff diff;
        try {
            diff = dictionaries.get().diff(system, fromRelease, toRelease);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Change> changes = new ArrayList<>();
        for (String code : diff.added()) {
            changes.add(new Change(code, "added", null, title(system, code, toRelease)));
        }
        for (String code : diff.deleted()) {
            changes.add(new Change(code, "deleted", title(system, code, fromRelease), null));
        }
        for (ReleaseDiff.Retitled retitled : diff.retitled()) {
            changes.add(new Change(retitled.code(), "retitled", retitled.oldTitle(), retitled.newTitle()));
        }
        return changes;
    }

    private List<CodeEntry> extending(CodeSystem system, String prefix, LocalDate dateOfService) {
        return dictionaries.get().releaseFor(system, dateOfService)
                .map(release -> release.withPrefix(prefix).stream().filter(e -> !e.code().equals(prefix)).toList())
                .orElse(List.of());
    }

    private String title(CodeSystem system, String code, String release) {
        return dictionaries.get().release(system, release).flatMap(r -> r.get(code)).map(CodeEntry::title)
                .orElse(null);
    }

    private static String canonical(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
