package org.opencac.service.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/**
 * {@link Vocabulary} over the bundled dictionaries. The dictionaries module exposes only lookup so far; the
 * hierarchy, search and diff answer 501 until it offers them (then implement them here).
 */
public class DictionariesVocabulary implements Vocabulary {
    private final Supplier<Dictionaries> dictionaries;

    public DictionariesVocabulary(Supplier<Dictionaries> dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public Optional<CodeEntry> lookup(CodeSystem system, String code, LocalDate dateOfService) {
        return dictionaries.get().lookup(system, code.trim().toUpperCase(Locale.ROOT), dateOfService);
    }

    @Override
    public List<CodeEntry> children(CodeSystem system, String code, LocalDate dateOfService) {
        throw new UnsupportedOperationException("code hierarchy is not available from the dictionaries yet");
    }

    @Override
    public List<CodeEntry> descendants(CodeSystem system, String code, LocalDate dateOfService) {
        throw new UnsupportedOperationException("code hierarchy is not available from the dictionaries yet");
    }

    @Override
    public List<CodeEntry> search(CodeSystem system, String query, LocalDate dateOfService, int limit) {
        throw new UnsupportedOperationException("text search is not available from the dictionaries yet");
    }

    @Override
    public List<String> releases(CodeSystem system) {
        throw new UnsupportedOperationException("release listing is not available from the dictionaries yet");
    }

    @Override
    public List<Change> diff(CodeSystem system, String fromRelease, String toRelease) {
        throw new UnsupportedOperationException("release diff is not available from the dictionaries yet");
    }
}
