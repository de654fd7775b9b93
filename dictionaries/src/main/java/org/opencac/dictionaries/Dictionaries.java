package org.opencac.dictionaries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.opencac.dictionaries.cm.CmTabular;
import org.opencac.dictionaries.cm.NoteKind;
import org.opencac.dictionaries.cm.TabularNode;
import org.opencac.dictionaries.load.CptFileLoader;
import org.opencac.dictionaries.load.HcpcsLoader;
import org.opencac.dictionaries.load.IndexReader;
import org.opencac.dictionaries.load.IndexReader.IndexEntry;
import org.opencac.dictionaries.load.LearnedTermsReader;
import org.opencac.dictionaries.load.OrderFileLoader;
import org.opencac.dictionaries.match.Abbreviations;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.PhraseMatcher;
import org.opencac.dictionaries.pcs.PcsAxisValue;
import org.opencac.dictionaries.pcs.PcsTables;
import org.opencac.dictionaries.search.CodeSearch;
import org.opencac.dictionaries.search.SearchHit;

/**
 * Facade over every code set and term source. Built once ({@link #loadBundled()} or {@link #builder()}),
 * immutable and thread-safe afterwards; matchers and the search index are built on first use and cached.
 *
 * <p>Releases: each code system may hold several releases side by side. The release used for a date is the
 * newest release whose start date is not after the date. ICD-10 releases are fiscal years (FY2018 runs from
 * 2017-10-01; FY2026 from 2025-10-01); only FY2018 and FY2026 are bundled, so dates from 2018-10-01 to
 * 2025-09-30 use FY2018, the newest bundled release not after them. Dates before the oldest release use the
 * oldest release. A null date means the newest release.
 */
public final class Dictionaries {

    private static final String RESOURCES = "/org/opencac/dictionaries/";

    private final Map<CodeSystem, List<CodeRelease>> releases;
    private final CmTabular cmTabular;
    private final List<IndexEntry> cmIndex;
    private final List<IndexEntry> pcsIndex;
    private final List<IndexEntry> neoplasmTable;
    private final List<IndexEntry> drugTable;
    private final List<PcsTables> pcsTables;
    private final Map<Language, List<DictionaryTerm>> extraTerms;
    private final Map<Language, Abbreviations> abbreviations;
    private final Map<Language, Abbreviations> synonyms;
    private final Map<String, PhraseMatcher> matchers = new ConcurrentHashMap<>();
    private final Map<String, CodeSearch> searchIndexes = new ConcurrentHashMap<>();
    /**
     * Excludes1 citations by code, filled as codes are asked for: the coding rules ask for the same codes note
     * after note, and walking the tabular lineage each time cost a third of the rules stage. At most one small
     * list per ICD-10-CM code.
     */
    private final Map<String, List<String>> excludes1Cache = new ConcurrentHashMap<>();
    private static final int MAX_EXCLUDES1_CACHE = 200_000;
    /**
     * ICD-10-PCS prefix headers by "release|prefix", filled as prefixes are asked for: building the title from the
     * tables on every look-up cost more than the look-up itself.
     */
    private final Map<String, CodeEntry> pcsPrefixEntries = new ConcurrentHashMap<>();
    private static final int MAX_PCS_PREFIX_CACHE = 100_000;

    private Dictionaries(Builder builder) {
        Map<CodeSystem, List<CodeRelease>> byStart = new EnumMap<>(CodeSystem.class);
        builder.releases.forEach((system, list) -> {
            List<CodeRelease> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(CodeRelease::validFrom));
            byStart.put(system, List.copyOf(sorted));
        });
        this.releases = Map.copyOf(byStart);
        this.cmTabular = builder.cmTabular;
        this.cmIndex = List.copyOf(builder.cmIndex);
        this.pcsIndex = List.copyOf(builder.pcsIndex);
        this.neoplasmTable = List.copyOf(builder.neoplasmTable);
        this.drugTable = List.copyOf(builder.drugTable);
        this.pcsTables = List.copyOf(builder.pcsTables);
        Map<Language, List<DictionaryTerm>> terms = new EnumMap<>(Language.class);
        builder.extraTerms.forEach((language, list) -> terms.put(language, List.copyOf(list)));
        this.extraTerms = Map.copyOf(terms);
        this.abbreviations = Map.copyOf(builder.abbreviations);
        this.synonyms = Map.copyOf(builder.synonyms);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads the bundled code sets and terms from the class path (never the network). Thread-safe once built. */
    public static Dictionaries loadBundled() {
        return bundledBuilder().build();
    }

    /**
     * A builder already holding every bundled resource, so callers can add to it before building, for
     * example a licensed CPT file: {@code bundledBuilder().addCpt(CptFileLoader.read(in), "2026", TermSources.CPT_USER)}.
     */
    public static Builder bundledBuilder() {
        // The files are independent, so two threads read them at once; the builder is filled afterwards on this thread.
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "opencac-dictionary-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<CmTabular> tabular = pool.submit(() -> {
                try (InputStream in = resource("icd10cm/icd10cm_tabular_2021.xml.gz")) {
                    return CmTabular.read(in);
                }
            });
            Future<List<IndexEntry>> cmIndex = pool.submit(() -> {
                try (InputStream in = resource("icd10cm/icd10cm_index_2017.xml.gz")) {
                    return IndexReader.readResolvingReferences(in);
                }
            });
            Future<CodeRelease> cm2018 = pool.submit(() -> orderFileRelease(CodeSystem.ICD10CM, "FY2018",
                    LocalDate.of(2017, 10, 1), "icd10cm/icd10cm_order_2018.txt.gz"));
            Future<CodeRelease> cm2026 = pool.submit(() -> orderFileRelease(CodeSystem.ICD10CM, "FY2026",
                    LocalDate.of(2025, 10, 1), "icd10cm/icd10cm_order_2026.txt.gz"));
            Future<CodeRelease> pcs2018 = pool.submit(() -> orderFileRelease(CodeSystem.ICD10PCS, "FY2018",
                    LocalDate.of(2017, 10, 1), "icd10pcs/icd10pcs_order_2018.txt.gz"));
            Future<CodeRelease> pcs2026 = pool.submit(() -> orderFileRelease(CodeSystem.ICD10PCS, "FY2026",
                    LocalDate.of(2025, 10, 1), "icd10pcs/icd10pcs_order_2026.txt.gz"));
            Future<CodeRelease> hcpcs = pool.submit(() -> {
                try (InputStream in = resource("hcpcs/HCPC2020_ANWEB_w_disclaimer.txt.gz")) {
                    List<HcpcsLoader.HcpcsRecord> records = HcpcsLoader.read(in);
                    Map<String, CodeValidity> validity = new HashMap<>();
                    records.forEach(record -> validity.put(record.code(), record.validity()));
                    return new CodeRelease(CodeSystem.HCPCS, "2020", LocalDate.of(2020, 1, 1),
                            HcpcsLoader.toEntries(records, "2020"), validity);
                }
            });
            Future<List<IndexEntry>> neoplasms = pool.submit(() -> {
                try (InputStream in = resource("icd10cm/icd10cm_neoplasm_2022.xml.gz")) {
                    return IndexReader.read(in);
                }
            });
            Future<List<IndexEntry>> drugs = pool.submit(() -> {
                try (InputStream in = resource("icd10cm/icd10cm_drug_2022.xml.gz")) {
                    return IndexReader.read(in);
                }
            });
            Future<List<IndexEntry>> pcsIndex = pool.submit(() -> {
                try (InputStream in = resource("icd10pcs/icd10pcs_index_2025.xml.gz")) {
                    return IndexReader.read(in);
                }
            });
            Future<PcsTables> pcsTables2025 = pool.submit(() -> {
                try (InputStream in = resource("icd10pcs/icd10pcs_tables_2025.xml.gz")) {
                    return PcsTables.read(in, "FY2025");
                }
            });
            Future<PcsTables> pcsTables2026 = pool.submit(() -> {
                try (InputStream in = resource("icd10pcs/icd10pcs_tables_2026.xml.gz")) {
                    return PcsTables.read(in, "FY2026");
                }
            });
            Builder builder = builder();
            try (InputStream in = resource("cpt/cpt_opencac_sample.tsv")) {
                builder.addCpt(CptFileLoader.read(in), CPT_SAMPLE_RELEASE, TermSources.CPT_OPENCAC);
            }
            try (InputStream in = resource("terms/codiesp_train_terms.tsv.gz")) {
                builder.addTerms(Language.ES, LearnedTermsReader.read(in, TermSources.CODIESP_TRAIN));
            }
            builder.abbreviations(Language.EN, Abbreviations.bundled(Language.EN));
            builder.abbreviations(Language.ES, Abbreviations.bundled(Language.ES));
            builder.synonyms(Language.EN, Abbreviations.bundledSynonyms(Language.EN));
            builder.addRelease(cm2018.get()).addRelease(cm2026.get()).addRelease(pcs2018.get())
                    .addRelease(pcs2026.get()).addRelease(hcpcs.get())
                    .cmTabular(tabular.get()).cmIndex(cmIndex.get()).neoplasmTable(neoplasms.get()).drugTable(drugs.get()).pcsIndex(pcsIndex.get())
                    .addPcsTables(pcsTables2025.get()).addPcsTables(pcsTables2026.get());
            return builder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load bundled dictionaries", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new UncheckedIOException("cannot load bundled dictionaries",
                    cause instanceof IOException io ? io : new IOException(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading dictionaries", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Release label of the bundled CPT sample (our own descriptions, not official). */
    public static final String CPT_SAMPLE_RELEASE = "opencac-sample";

    private static CodeRelease orderFileRelease(CodeSystem system, String name, LocalDate validFrom, String path)
            throws IOException {
        try (InputStream in = resource(path)) {
            return new CodeRelease(system, name, validFrom, OrderFileLoader.read(in, system, name), Map.of());
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = Dictionaries.class.getResourceAsStream(RESOURCES + path);
        if (in == null) {
            throw new IOException("missing bundled resource " + path);
        }
        return path.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    // ------------------------------------------------------------------ releases and validity

    /** Releases of a system, oldest first. */
    public List<CodeRelease> releases(CodeSystem system) {
        return releases.getOrDefault(system, List.of());
    }

    /** The release named {@code name} ("FY2018"). */
    public Optional<CodeRelease> release(CodeSystem system, String name) {
        return releases(system).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The release in force on the date (see the class comment for the rule), or empty if none is loaded. */
    public Optional<CodeRelease> releaseFor(CodeSystem system, LocalDate dateOfService) {
        List<CodeRelease> list = releases(system);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (dateOfService == null) {
            return Optional.of(list.get(list.size() - 1));
        }
        CodeRelease chosen = list.get(0);
        for (CodeRelease release : list) {
            if (!release.validFrom().isAfter(dateOfService)) {
                chosen = release;
            }
        }
        return Optional.of(chosen);
    }

    /**
     * The code's entry in the release of {@code system} in force on {@code dateOfService} (null: newest).
     * An ICD-10-PCS prefix of 3 to 6 characters ("BW03", as CodiEsp uses) is found as a non-billable header
     * when some code of the release starts with it; its title is built from the PCS table axis labels.
     */
    public Optional<CodeEntry> lookup(CodeSystem system, String code, LocalDate dateOfService) {
        Optional<CodeRelease> maybeRelease = releaseFor(system, dateOfService);
        if (maybeRelease.isEmpty() || code == null || code.isBlank()) {
            return Optional.empty();
        }
        CodeRelease release = maybeRelease.get();
        String canonical = Codes.canonical(system, code);
        Optional<CodeEntry> entry = release.get(canonical);
        if (entry.isPresent() || system != CodeSystem.ICD10PCS) {
            return entry;
        }
        if (canonical.length() >= 3 && canonical.length() < 7 && release.hasCodeWithPrefix(canonical)) {
            return Optional.of(boundedCached(pcsPrefixEntries, MAX_PCS_PREFIX_CACHE, release.name() + '|' + canonical,
                    key -> pcsPrefixEntry(canonical, release.name())));
        }
        return Optional.empty();
    }

    /** A non-billable header for an ICD-10-PCS prefix, titled by its axis labels (or the prefix itself). */
    private CodeEntry pcsPrefixEntry(String canonical, String releaseName) {
        String title = explainPcs(canonical, releaseName)
                .map(values -> String.join(", ", values.stream().map(PcsAxisValue::label).toList()))
                .orElse(canonical);
        return new CodeEntry(CodeSystem.ICD10PCS, canonical, title, title, false, releaseName);
    }

    /** True when the code exists and is billable (complete) on the date; HCPCS also checks add/termination dates. */
    public boolean isBillable(CodeSystem system, String code, LocalDate dateOfService) {
        Optional<CodeEntry> entry = lookup(system, code, dateOfService);
        if (entry.isEmpty() || !entry.get().billable()) {
            return false;
        }
        if (dateOfService == null) {
            return true;
        }
        Optional<CodeRelease> release = releaseFor(system, dateOfService);
        return release.flatMap(r -> r.validity(entry.get().code()))
                .map(validity -> validity.isInForceOn(dateOfService))
                .orElse(true);
    }

    /** Codes added, deleted and retitled (long title changed) from one release to another. */
    public ReleaseDiff diff(CodeSystem system, String fromRelease, String toRelease) {
        CodeRelease from = release(system, fromRelease)
                .orElseThrow(() -> new IllegalArgumentException("no release " + fromRelease + " of " + system));
        CodeRelease to = release(system, toRelease)
                .orElseThrow(() -> new IllegalArgumentException("no release " + toRelease + " of " + system));
        return diff(from, to);
    }

    /** Compares two releases of one system. */
    public static ReleaseDiff diff(CodeRelease from, CodeRelease to) {
        TreeSet<String> added = new TreeSet<>();
        TreeSet<String> deleted = new TreeSet<>();
        List<ReleaseDiff.Retitled> retitled = new ArrayList<>();
        for (CodeEntry entry : to.entries()) {
            Optional<CodeEntry> old = from.get(entry.code());
            if (old.isEmpty()) {
                added.add(entry.code());
            } else if (!old.get().title().equals(entry.title())) {
                retitled.add(new ReleaseDiff.Retitled(entry.code(), old.get().title(), entry.title()));
            }
        }
        for (CodeEntry entry : from.entries()) {
            if (!to.contains(entry.code())) {
                deleted.add(entry.code());
            }
        }
        retitled.sort(Comparator.comparing(ReleaseDiff.Retitled::code));
        return new ReleaseDiff(from.system(), from.name(), to.name(), List.copyOf(added), List.copyOf(deleted),
                retitled);
    }

    // ------------------------------------------------------------------ ICD-10-CM hierarchy and notes

    /** The nearest existing ICD-10-CM ancestor of a code in the release in force (empty for a category). */
    public Optional<CodeEntry> parent(String code, LocalDate dateOfService) {
        Optional<CodeRelease> release = releaseFor(CodeSystem.ICD10CM, dateOfService);
        if (release.isEmpty()) {
            return Optional.empty();
        }
        String candidate = Codes.cmParentCandidate(Codes.canonical(CodeSystem.ICD10CM, code));
        while (candidate != null) {
            Optional<CodeEntry> entry = release.get().get(candidate);
            if (entry.isPresent()) {
                return entry;
            }
            candidate = Codes.cmParentCandidate(candidate);
        }
        return Optional.empty();
    }

    /** Direct ICD-10-CM children of a code in the release in force, in code order. */
    public List<CodeEntry> children(String code, LocalDate dateOfService) {
        Optional<CodeRelease> release = releaseFor(CodeSystem.ICD10CM, dateOfService);
        if (release.isEmpty()) {
            return List.of();
        }
        String canonical = Codes.canonical(CodeSystem.ICD10CM, code);
        List<CodeEntry> children = new ArrayList<>();
        for (CodeEntry entry : release.get().withPrefix(canonical)) {
            if (!entry.code().equals(canonical)
                    && parent(entry.code(), dateOfService).map(p -> p.code().equals(canonical)).orElse(false)) {
                children.add(entry);
            }
        }
        return children;
    }

    /** The other children of the code's parent. */
    public List<CodeEntry> siblings(String code, LocalDate dateOfService) {
        String canonical = Codes.canonical(CodeSystem.ICD10CM, code);
        return parent(canonical, dateOfService)
                .map(p -> children(p.code(), dateOfService).stream().filter(e -> !e.code().equals(canonical)).toList())
                .orElse(List.of());
    }

    /** Every billable ICD-10-CM code at or below the code (for a category: all its billable codes). */
    public List<CodeEntry> billableDescendants(String code, LocalDate dateOfService) {
        String canonical = Codes.canonical(CodeSystem.ICD10CM, code);
        return releaseFor(CodeSystem.ICD10CM, dateOfService)
                .map(r -> r.withPrefix(canonical).stream().filter(CodeEntry::billable).toList())
                .orElse(List.of());
    }

    /**
     * The Tabular List nodes above a code, nearest first: the code (or its nearest listed ancestor), its
     * ancestors, the section and the chapter. Empty when no tabular XML is loaded.
     */
    public List<TabularNode> tabularLineage(String code) {
        return cmTabular == null ? List.of() : cmTabular.lineage(Codes.canonical(CodeSystem.ICD10CM, code));
    }

    /** The Tabular List chapter of an ICD-10-CM code ("chapter 4", "Endocrine, nutritional and metabolic ..."). */
    public Optional<TabularNode> chapter(String code) {
        return tabularLineage(code).stream().filter(n -> n.level() == TabularNode.Level.CHAPTER).findFirst();
    }

    /** The Tabular List section (block) of an ICD-10-CM code ("E08-E13", "Diabetes mellitus (E08-E13)"). */
    public Optional<TabularNode> section(String code) {
        return tabularLineage(code).stream().filter(n -> n.level() == TabularNode.Level.SECTION).findFirst();
    }

    /** One instructional note and the tabular node (code, section or chapter) that carries it. */
    public record Note(String nodeId, NoteKind kind, String text) {
    }

    /**
     * The notes of one kind that apply to a code: its own and those of its ancestors, section and chapter
     * (an Excludes1 at a category applies to every code below it). Nearest first.
     */
    public List<Note> notes(String code, NoteKind kind) {
        List<Note> notes = new ArrayList<>();
        for (TabularNode node : tabularLineage(code)) {
            for (String text : node.notes(kind)) {
                notes.add(new Note(node.id(), kind, text));
            }
        }
        return notes;
    }

    /** Codes and code prefixes cited by the Excludes1 notes that apply to a code ("E08.-" gives "E08"). */
    public List<String> excludes1Codes(String code) {
        return boundedCached(excludes1Cache, MAX_EXCLUDES1_CACHE, code, this::collectExcludes1Codes);
    }

    /**
     * The cached value of {@code key}, computed and kept on first use while the cache holds fewer than {@code max}
     * entries (a bound in case callers pass arbitrary strings); past the bound values are computed every time.
     */
    private static <V> V boundedCached(Map<String, V> cache, int max, String key,
                                       java.util.function.Function<String, V> compute) {
        V value = cache.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (cache.size() < max) {
                cache.putIfAbsent(key, value);
            }
        }
        return value;
    }

    private List<String> collectExcludes1Codes(String code) {
        List<String> cited = new ArrayList<>();
        for (TabularNode node : tabularLineage(code)) {
            for (String c : node.citedCodes(NoteKind.EXCLUDES1)) {
                if (!cited.contains(c)) {
                    cited.add(c);
                }
            }
        }
        return List.copyOf(cited);
    }

    // ------------------------------------------------------------------ ICD-10-PCS

    /**
     * Explains an ICD-10-PCS code or prefix axis by axis. Uses the tables XML of the same release when
     * bundled (FY2026), otherwise the oldest bundled tables (FY2025 for FY2018 codes, the nearest year we have).
     */
    public Optional<List<PcsAxisValue>> explainPcs(String code, LocalDate dateOfService) {
        return releaseFor(CodeSystem.ICD10PCS, dateOfService)
                .flatMap(release -> explainPcs(Codes.canonical(CodeSystem.ICD10PCS, code), release.name()));
    }

    private Optional<List<PcsAxisValue>> explainPcs(String canonical, String releaseName) {
        if (pcsTables.isEmpty()) {
            return Optional.empty();
        }
        PcsTables tables = pcsTables.stream().filter(t -> t.release().equals(releaseName)).findFirst()
                .orElse(pcsTables.get(0));
        Optional<List<PcsAxisValue>> explained = tables.explain(canonical);
        if (explained.isPresent()) {
            return explained;
        }
        for (PcsTables other : pcsTables) {
            if (other != tables) {
                explained = other.explain(canonical);
                if (explained.isPresent()) {
                    return explained;
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ terms, matching and search

    /** Matcher over the terms of language "en" or "es" for the releases in force on the date (null: newest). */
    public TermMatcher matcher(String language, LocalDate dateOfService) {
        return phraseMatcher(Language.fromCode(language), dateOfService);
    }

    /** The same matcher as {@link #matcher}, typed, for statistics. */
    public PhraseMatcher phraseMatcher(Language language, LocalDate dateOfService) {
        Map<CodeSystem, CodeRelease> inForce = releasesInForce(dateOfService);
        StringBuilder key = new StringBuilder(language.name());
        inForce.forEach((system, release) -> key.append('|').append(system).append('=').append(release.name()));
        return matchers.computeIfAbsent(key.toString(), k -> buildMatcher(language, inForce));
    }

    private Map<CodeSystem, CodeRelease> releasesInForce(LocalDate dateOfService) {
        Map<CodeSystem, CodeRelease> inForce = new EnumMap<>(CodeSystem.class);
        for (CodeSystem system : CodeSystem.values()) {
            releaseFor(system, dateOfService).ifPresent(release -> inForce.put(system, release));
        }
        return inForce;
    }

    /** Every term of a language whose code exists in the given releases, with the release it belongs to. */
    public List<Map.Entry<DictionaryTerm, String>> terms(Language language, LocalDate dateOfService) {
        List<Map.Entry<DictionaryTerm, String>> terms = new ArrayList<>();
        collectTerms(language, releasesInForce(dateOfService), (term, release) -> terms.add(Map.entry(term, release)));
        return terms;
    }

    private PhraseMatcher buildMatcher(Language language, Map<CodeSystem, CodeRelease> inForce) {
        PhraseMatcher.Builder builder = new PhraseMatcher.Builder(language,
                abbreviations.getOrDefault(language, Abbreviations.empty()),
                synonyms.getOrDefault(language, Abbreviations.empty()));
        collectTerms(language, inForce, builder::add);
        return builder.build();
    }

    private static final int MAX_PCS_TITLE_WORDS = 6;

    private static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    private interface TermSink {
        void accept(DictionaryTerm term, String release);
    }

    private void collectTerms(Language language, Map<CodeSystem, CodeRelease> inForce, TermSink sink) {
        CodeRelease cm = inForce.get(CodeSystem.ICD10CM);
        CodeRelease pcs = inForce.get(CodeSystem.ICD10PCS);
        if (language == Language.EN) {
            if (cm != null) {
                for (CodeEntry entry : cm.entries()) {
                    if (TermVariants.isEncounterExtension(entry)) {
                        continue;
                    }
                    for (String variant : TermVariants.ofTitle(entry.title())) {
                        sink.accept(new DictionaryTerm(CodeSystem.ICD10CM, entry.code(), variant,
                                TermSources.TABULAR_TITLE, 1.0), cm.name());
                    }
                }
                if (cmTabular != null) {
                    for (TabularNode node : cmTabular.nodes()) {
                        if (node.level() == TabularNode.Level.CODE && cm.contains(node.id())) {
                            for (String term : node.notes(NoteKind.INCLUSION_TERM)) {
                                for (String variant : TermVariants.ofTitle(term)) {
                                    sink.accept(new DictionaryTerm(CodeSystem.ICD10CM, node.id(), variant,
                                            TermSources.INCLUSION_TERM, 1.0), cm.name());
                                }
                            }
                        }
                    }
                }
                addIndexTerms(cmIndex, CodeSystem.ICD10CM, cm, TermSources.INDEX, sink);
                for (IndexEntry row : neoplasmTable) {
                    String code = TermVariants.indexCode(CodeSystem.ICD10CM, row.code());
                    if (cm.contains(code)) {
                        for (String phrase : TermVariants.ofNeoplasmRow(row)) {
                            sink.accept(new DictionaryTerm(CodeSystem.ICD10CM, code, phrase,
                                    TermSources.NEOPLASM_TABLE, 1.0), cm.name());
                        }
                    }
                }
                for (IndexEntry row : drugTable) {
                    String code = TermVariants.indexCode(CodeSystem.ICD10CM, row.code());
                    if (cm.contains(code)) {
                        for (String phrase : TermVariants.ofDrugRow(row)) {
                            sink.accept(new DictionaryTerm(CodeSystem.ICD10CM, code, phrase,
                                    TermSources.DRUG_TABLE, 1.0), cm.name());
                        }
                    }
                }
            }
            if (pcs != null) {
                addIndexTerms(pcsIndex, CodeSystem.ICD10PCS, pcs, TermSources.PCS_INDEX, sink);
                for (CodeEntry entry : pcs.entries()) {
                    // Short PCS titles ("Plain Radiography of Chest") can be found in notes; long ones never are.
                    if (entry.billable() && wordCount(entry.title()) <= MAX_PCS_TITLE_WORDS) {
                        for (String variant : TermVariants.ofTitle(entry.title())) {
                            sink.accept(new DictionaryTerm(CodeSystem.ICD10PCS, entry.code(), variant,
                                    TermSources.PCS_TITLE, 1.0), pcs.name());
                        }
                    }
                }
            }
            CodeRelease hcpcs = inForce.get(CodeSystem.HCPCS);
            if (hcpcs != null) {
                for (CodeEntry entry : hcpcs.entries()) {
                    sink.accept(new DictionaryTerm(CodeSystem.HCPCS, entry.code(), entry.title(),
                            TermSources.HCPCS_TITLE, 1.0), hcpcs.name());
                }
            }
        }
        for (DictionaryTerm term : extraTerms.getOrDefault(language, List.of())) {
            CodeRelease release = inForce.get(term.system());
            String releaseName = releaseOfTerm(term, release);
            if (releaseName != null) {
                sink.accept(term, releaseName);
            }
        }
    }

    /**
     * The release a non-official term belongs to, or null to leave it out. Codes absent from every loaded
     * release (CodiEsp uses a few codes of the Spanish edition only) are kept with release "not-in-release";
     * codes that exist in another release but not in the one in force (deleted or not yet added) are dropped.
     */
    private String releaseOfTerm(DictionaryTerm term, CodeRelease release) {
        if (release == null) {
            return null;
        }
        if (existsIn(release, term.system(), term.code())) {
            return release.name();
        }
        for (CodeRelease other : releases(term.system())) {
            if (existsIn(other, term.system(), term.code())) {
                return null;
            }
        }
        return NOT_IN_RELEASE;
    }

    /**
     * Weight factor of the translated Spanish terms: a word-by-word translation is weaker evidence than a phrase
     * CodiEsp coders marked, so it scores below a learned term of the same share.
     */
    public static final double TRANSLATED_TERM_WEIGHT = 0.5;
    /** Resource of the Spanish terms translated from the official English terms (see {@link TermSources#ICD10_ES_TRANSLATED}). */
    static final String TRANSLATED_TERMS_RESOURCE = "terms/icd10_es_translated.tsv.gz";

    /**
     * The bundled Spanish terms translated word by word from the official English ICD-10-CM/PCS terms, each weighted
     * as learned terms are (its share of the phrase over all codes) times {@link #TRANSLATED_TERM_WEIGHT}. A
     * missing or corrupt resource fails naming the file, like every other bundled table. Not part of
     * {@link #loadBundled()}: only the ranker, which learns how far to trust them, adds them.
     */
    public static List<DictionaryTerm> bundledTranslatedTerms() {
        try (InputStream in = resource(TRANSLATED_TERMS_RESOURCE)) {
            return scaled(LearnedTermsReader.read(in, TermSources.ICD10_ES_TRANSLATED), TRANSLATED_TERM_WEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TRANSLATED_TERMS_RESOURCE, e);
        }
    }

    static List<DictionaryTerm> scaled(List<DictionaryTerm> terms, double factor) {
        List<DictionaryTerm> result = new ArrayList<>(terms.size());
        for (DictionaryTerm term : terms) {
            result.add(new DictionaryTerm(term.system(), term.code(), term.text(), term.source(), term.weight() * factor));
        }
        return result;
    }

    /** The non-official terms added for a language that come from one source (for example to reuse them in a new set). */
    public List<DictionaryTerm> extraTerms(Language language, String source) {
        return extraTerms.getOrDefault(language, List.of()).stream().filter(t -> t.source().equals(source)).toList();
    }

    /** Release label of learned terms whose code is in no loaded release. */
    public static final String NOT_IN_RELEASE = "not-in-release";

    private static boolean existsIn(CodeRelease release, CodeSystem system, String code) {
        return release.contains(code)
                || (system == CodeSystem.ICD10PCS && code.length() < 7 && release.hasCodeWithPrefix(code));
    }

    private static void addIndexTerms(List<IndexEntry> index, CodeSystem system, CodeRelease release, String source,
                                      TermSink sink) {
        for (IndexEntry entry : index) {
            String code = TermVariants.indexCode(system, entry.code());
            if (!existsIn(release, system, code)) {
                continue;
            }
            for (String phrase : TermVariants.ofIndexPath(entry)) {
                sink.accept(new DictionaryTerm(system, code, phrase, source, 1.0), release.name());
            }
        }
    }

    /**
     * Free-text search over titles and terms (for a coder adding a missed code), with Lucene's English or
     * Spanish analysis. The index for a language and date is built on first use and kept in memory.
     */
    public List<SearchHit> search(String query, String language, LocalDate dateOfService, int limit) {
        Language lang = Language.fromCode(language);
        Map<CodeSystem, CodeRelease> inForce = releasesInForce(dateOfService);
        StringBuilder key = new StringBuilder(lang.name());
        inForce.forEach((system, release) -> key.append('|').append(system).append('=').append(release.name()));
        CodeSearch index = searchIndexes.computeIfAbsent(key.toString(), k -> buildSearch(lang, inForce));
        return index.search(query, limit);
    }

    private CodeSearch buildSearch(Language language, Map<CodeSystem, CodeRelease> inForce) {
        Map<String, CodeSearch.Document> documents = new LinkedHashMap<>();
        for (CodeRelease release : inForce.values()) {
            for (CodeEntry entry : release.entries()) {
                documents.put(entry.system() + ":" + entry.code(),
                        new CodeSearch.Document(entry.system(), entry.code(), entry.title(), entry.billable(),
                                release.name(), new ArrayList<>()));
            }
        }
        collectTerms(language, inForce, (term, release) -> {
            CodeSearch.Document document = documents.get(term.system() + ":" + term.code());
            if (document != null && !term.source().equals(TermSources.TABULAR_TITLE)) {
                document.terms().add(term.text());
            }
        });
        return CodeSearch.build(language, documents.values());
    }

    // ------------------------------------------------------------------ building

    /** Collects releases and term sources; {@link #loadBundled()} uses it, and tests use it with small fixtures. */
    public static final class Builder {
        private final Map<CodeSystem, List<CodeRelease>> releases = new EnumMap<>(CodeSystem.class);
        private CmTabular cmTabular;
        private final List<IndexEntry> cmIndex = new ArrayList<>();
        private final List<IndexEntry> pcsIndex = new ArrayList<>();
        private final List<IndexEntry> neoplasmTable = new ArrayList<>();
        private final List<IndexEntry> drugTable = new ArrayList<>();
        private final List<PcsTables> pcsTables = new ArrayList<>();
        private final Map<Language, List<DictionaryTerm>> extraTerms = new EnumMap<>(Language.class);
        private final Map<Language, Abbreviations> abbreviations = new EnumMap<>(Language.class);
        private final Map<Language, Abbreviations> synonyms = new EnumMap<>(Language.class);

        private Builder() {
        }

        public Builder addRelease(CodeRelease release) {
            releases.computeIfAbsent(release.system(), s -> new ArrayList<>()).add(release);
            return this;
        }

        public Builder cmTabular(CmTabular tabular) {
            this.cmTabular = tabular;
            return this;
        }

        public Builder cmIndex(Collection<IndexEntry> entries) {
            cmIndex.addAll(entries);
            return this;
        }

        public Builder pcsIndex(Collection<IndexEntry> entries) {
            pcsIndex.addAll(entries);
            return this;
        }

        /** Rows of the ICD-10-CM Neoplasm Table (read with {@link IndexReader}: one entry per coded cell). */
        public Builder neoplasmTable(Collection<IndexEntry> entries) {
            neoplasmTable.addAll(entries);
            return this;
        }

        /** Rows of the ICD-10-CM Table of Drugs and Chemicals (read with {@link IndexReader}). */
        public Builder drugTable(Collection<IndexEntry> entries) {
            drugTable.addAll(entries);
            return this;
        }

        public Builder addPcsTables(PcsTables tables) {
            pcsTables.add(tables);
            return this;
        }

        /** Adds non-official terms (learned or user-supplied) for notes in one language. */
        public Builder addTerms(Language language, Collection<DictionaryTerm> terms) {
            extraTerms.computeIfAbsent(language, l -> new ArrayList<>()).addAll(terms);
            return this;
        }

        /**
         * Adds CPT codes as a release and their descriptions and phrases as English terms. Use
         * {@link TermSources#CPT_USER} for a licensed file and {@link TermSources#CPT_OPENCAC} for our sample.
         */
        public Builder addCpt(List<CptFileLoader.CptRecord> records, String releaseName, String source) {
            List<CodeEntry> entries = new ArrayList<>();
            List<DictionaryTerm> terms = new ArrayList<>();
            for (CptFileLoader.CptRecord record : records) {
                entries.add(new CodeEntry(CodeSystem.CPT, record.code(), record.description(), record.description(),
                        true, releaseName));
                terms.add(new DictionaryTerm(CodeSystem.CPT, record.code(), record.description(), source, 1.0));
                for (String term : record.terms()) {
                    terms.add(new DictionaryTerm(CodeSystem.CPT, record.code(), term, source, 1.0));
                }
            }
            releases.remove(CodeSystem.CPT); // one CPT code list at a time: a licensed file replaces the sample
            addRelease(new CodeRelease(CodeSystem.CPT, releaseName, LocalDate.of(1900, 1, 1), entries, Map.of()));
            extraTerms.computeIfAbsent(Language.EN, l -> new ArrayList<>())
                    .removeIf(term -> term.system() == CodeSystem.CPT);
            addTerms(Language.EN, terms);
            return this;
        }

        /**
         * {@link #addCpt} from a licensed CPT file on disk ({@link CptFileLoader} format). A missing or malformed
         * file fails with a message naming it.
         */
        public Builder addCptFile(java.nio.file.Path file, String releaseName) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new IllegalStateException("Missing CPT file: " + file);
            }
            List<CptFileLoader.CptRecord> records;
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                records = CptFileLoader.read(in);
            } catch (IOException e) {
                throw new IllegalStateException("Corrupt or unreadable CPT file: " + file + " (" + e.getMessage()
                        + ")", e);
            }
            return addCpt(records, releaseName, TermSources.CPT_USER);
        }

        public Builder abbreviations(Language language, Abbreviations list) {
            abbreviations.put(language, list);
            return this;
        }

        /** Word-for-word alternatives ("x ray" for "plain radiography"); see {@link PhraseMatcher.Builder}. */
        public Builder synonyms(Language language, Abbreviations list) {
            synonyms.put(language, list);
            return this;
        }

        public Dictionaries build() {
            return new Dictionaries(this);
        }
    }
}
