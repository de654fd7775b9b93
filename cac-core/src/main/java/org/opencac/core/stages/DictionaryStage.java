package org.opencac.core.stages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.core.model.Context;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.TermMatcher;
import org.opencac.dictionaries.TermSources;
import org.opencac.nlp.sections.Section;

/**
 * Looks the note's tokens up in the dictionaries of the release in force on the date of service. By default a
 * match that lies strictly inside a longer match of the same code system is dropped: "acute myocardial
 * infarction" should not also propose a code for "infarction". The learned ranker keeps every match
 * ({@code keepNested}) and uses "inside a longer match" as one of its features instead.
 */
public final class DictionaryStage implements Stage {
    private final Dictionaries dictionaries;
    private final String language;
    private final LocalDate defaultDateOfService;
    /** Longest multi-token match whose inner windows are looked up again when nested matches are kept. */
    static final int MAX_NESTED_TOKENS = 10;

    /** Learned term sources that are also matched with gaps (ranker input only). */
    static final Set<String> GAPPED_SOURCES = Set.of(TermSources.CODIESP_TRAIN, "codiesp-train-en-projected");

    private final boolean keepNested;
    /** The gapped matchers by date of service ("" for none: the newest releases). */
    private final Map<String, GappedMatchers> gappedByDate = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The matchers that look beyond contiguous phrases, for one date of service, built together from one term
     * list: learned terms with gaps, and in Spanish also the translated official terms with gaps (every word
     * required) and the learned terms by stem. {@code translated} and {@code stemmed} are null for other languages.
     */
    private record GappedMatchers(GappedTermMatcher gapped, GappedTermMatcher translated, GappedTermMatcher stemmed) {
    }

    public DictionaryStage(Dictionaries dictionaries, String language, LocalDate defaultDateOfService) {
        this(dictionaries, language, defaultDateOfService, false);
    }

    public DictionaryStage(Dictionaries dictionaries, String language, LocalDate defaultDateOfService,
                           boolean keepNested) {
        this.dictionaries = dictionaries;
        this.language = language;
        this.defaultDateOfService = defaultDateOfService;
        this.keepNested = keepNested;
    }

    @Override
    public String name() {
        return "dictionary";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TOKENS, Layer.SECTIONS);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.MENTIONS);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        List<Span> tokens = note.tokens();
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = tokens.get(i).start();
            ends[i] = tokens.get(i).end();
        }
        LocalDate date = note.note().dateOfService() != null ? note.note().dateOfService() : defaultDateOfService;
        TermMatcher matcher = dictionaries.matcher(language, date);
        List<TermMatch> matches = matcher.match(note.text(), starts, ends);
        if (keepNested) {
            matches = withNested(matcher, note.text(), starts, ends, matches);
            GappedMatchers gappedMatchers = gappedMatchers(date);
            List<TermMatch> gappedMatches = new ArrayList<>(
                    gappedMatchers.gapped().match(note.text(), starts, ends, note.tokenSentence()));
            if (gappedMatchers.translated() != null) {
                gappedMatches.addAll(gappedMatchers.translated().match(note.text(), starts, ends,
                        note.tokenSentence()));
            }
            matches = withGapped(gappedMatches, matches);
            if (gappedMatchers.stemmed() != null) {
                // Stem matches only where no contiguous or gapped match of the same code lies.
                matches = withGapped(gappedMatchers.stemmed().match(note.text(), starts, ends, note.tokenSentence()),
                        matches);
            }
        }
        List<Mention> mentions = new ArrayList<>();
        for (TermMatch match : matches) {
            if ((!keepNested && isInsideLongerMatch(match, matches)) || isInHeading(match, note.sections())) {
                continue;
            }
            Span span = new Span(match.start(), match.end());
            mentions.add(new Mention(span, note.text().substring(match.start(), match.end()), match.system(),
                    match.code(), match.term(), match.termSource(), match.score(), match.release(),
                    sectionAt(note.sections(), match.start()), Context.AFFIRMED));
        }
        return note.withMentions(mentions, Layer.MENTIONS);
    }

    private GappedMatchers gappedMatchers(LocalDate date) {
        return gappedByDate.computeIfAbsent(date == null ? "" : date.toString(), d -> {
            org.opencac.dictionaries.match.Language matchLanguage =
                    org.opencac.dictionaries.match.Language.fromCode(language);
            List<Map.Entry<DictionaryTerm, String>> terms = dictionaries.terms(matchLanguage, date);
            boolean spanish = "es".equals(language);
            // Partial matches were measured on Spanish only (English already has many more candidates).
            GappedTermMatcher gapped = new GappedTermMatcher(matchLanguage, terms, GAPPED_SOURCES, spanish);
            if (!spanish) {
                return new GappedMatchers(gapped, null, null);
            }
            return new GappedMatchers(gapped, translatedGappedMatcher(terms),
                    GappedTermMatcher.stemmed(matchLanguage, terms, Set.of(TermSources.CODIESP_TRAIN)));
        });
    }

    /**
     * The gapped matcher of the translated Spanish terms among {@code terms}. Translated official terms keep English
     * word order and lack the words Spanish puts between them ("fractura de la diáfisis del fémur"), so they are
     * matched with gaps too, but only with all their words: a partial match of a word-by-word translation is too
     * weak a hint.
     */
    static GappedTermMatcher translatedGappedMatcher(List<Map.Entry<DictionaryTerm, String>> terms) {
        return new GappedTermMatcher(org.opencac.dictionaries.match.Language.ES, terms,
                Set.of(TermSources.ICD10_ES_TRANSLATED), false);
    }

    /** Adds the gapped matches whose code has no contiguous match overlapping them. */
    static List<TermMatch> withGapped(List<TermMatch> gapped, List<TermMatch> matches) {
        List<TermMatch> all = new ArrayList<>(matches);
        for (TermMatch g : gapped) {
            boolean covered = false;
            for (TermMatch m : matches) {
                if (m.system() == g.system() && m.code().equals(g.code()) && m.start() < g.end() && g.start() < m.end()) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                all.add(g);
            }
        }
        return all;
    }

    /**
     * The matcher itself keeps only the longest match at each position, so "obesidad" inside "obesidad mórbida"
     * is never seen. This looks every shorter token window inside a multi-token match up again (windows of at
     * most {@value #MAX_NESTED_TOKENS} tokens) and adds the matches found there, each (span, code) once. The name of
     * a service (CPT, HCPCS) is not searched inside: "influenza" in "influenza vaccine" is no diagnosis.
     */
    static List<TermMatch> withNested(TermMatcher matcher, String text, int[] starts, int[] ends,
                                      List<TermMatch> matches) {
        Map<String, TermMatch> all = new LinkedHashMap<>();
        for (TermMatch match : matches) {
            all.putIfAbsent(matchKey(match), match);
        }
        Set<Long> windowsDone = new HashSet<>();
        for (TermMatch match : matches) {
            // Words inside the name of a service ("influenza vaccine") do not document a condition.
            if (match.system() == CodeSystem.CPT || match.system() == CodeSystem.HCPCS) {
                continue;
            }
            int first = firstTokenAt(starts, ends, match.start());
            int last = lastTokenBefore(starts, ends, match.end());
            if (first < 0 || last <= first || last - first + 1 > MAX_NESTED_TOKENS) {
                continue;
            }
            for (int s = first; s <= last; s++) {
                for (int e = s; e <= last; e++) {
                    if ((s == first && e == last) || !windowsDone.add(((long) s << 32) | e)) {
                        continue;
                    }
                    int[] subStarts = Arrays.copyOfRange(starts, s, e + 1);
                    int[] subEnds = Arrays.copyOfRange(ends, s, e + 1);
                    for (TermMatch inner : matcher.match(text, subStarts, subEnds)) {
                        all.putIfAbsent(matchKey(inner), inner);
                    }
                }
            }
        }
        return new ArrayList<>(all.values());
    }

    private static String matchKey(TermMatch match) {
        return match.start() + ":" + match.end() + ':' + match.system() + ':' + match.code();
    }

    /** Index of the first token that ends after {@code offset}, or -1. */
    private static int firstTokenAt(int[] starts, int[] ends, int offset) {
        for (int i = 0; i < starts.length; i++) {
            if (ends[i] > offset) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last token that starts before {@code offset}, or -1. */
    private static int lastTokenBefore(int[] starts, int[] ends, int offset) {
        for (int i = starts.length - 1; i >= 0; i--) {
            if (starts[i] < offset) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isInsideLongerMatch(TermMatch match, List<TermMatch> all) {
        for (TermMatch other : all) {
            if (other != match && other.system() == match.system()
                    && other.start() <= match.start() && match.end() <= other.end()
                    && (other.end() - other.start()) > (match.end() - match.start())) {
                return true;
            }
        }
        return false;
    }

    /** Words of a section heading ("HISTORY OF PRESENT ILLNESS") are not findings. */
    static boolean isInHeading(TermMatch match, List<Section> sections) {
        for (Section section : sections) {
            if (section.start() <= match.start() && match.start() < section.bodyStart()) {
                return true;
            }
        }
        return false;
    }

    static String sectionAt(List<Section> sections, int offset) {
        for (Section section : sections) {
            if (section.start() <= offset && offset < section.end()) {
                return section.type().name();
            }
        }
        return null;
    }
}
