package org.opencac.core.stages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.TokenNormalizer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Finds learned multi-word terms whose words occur in one sentence but not side by side ("ecografía ... del riñón
 * derecho" for "ecografía riñón derecho"): CodiEsp evidence is often discontinuous, and the phrase matcher only
 * sees contiguous phrases. Every content word of the term must occur in the sentence, and the words chosen must
 * lie within the term's length plus {@link #MAX_EXTRA_WORDS} words. Matches carry the source {@code <source>}
 * + {@link #SUFFIX} and a score of {@link #QUALITY} times the term's weight. A term of three or more words may
 * also match with one word missing ({@link #PARTIAL_SUFFIX}, {@link #PARTIAL_QUALITY}).
 *
 * <p>In stemmed mode ({@link #stemmed}) words are compared by a coarse stem ({@link #stemKey}: Snowball Spanish
 * stem cut to {@value #STEM_PREFIX} letters), so "metástasis vertebral" also finds "metástasis ... vértebra" and a
 * one-word term "hipoestesia" finds "hipoestésicas". Before stemming, a body-part adjective is read as its noun and
 * spellings of one imaging modality as one ({@link #EQUIVALENT_WORDS}), so "ecografía renal" finds "ecografía del
 * riñón" and "TAC torácico" finds "TC de tórax"; such matches carry {@link #STEM_SUFFIX} and
 * {@link #STEM_QUALITY}, and the ranker learns how far to trust them from their own term statistics.
 * Thread-safe once built.
 */
public final class GappedTermMatcher {
    public static final String SUFFIX = "-gapped";
    /** Source suffix of a match that lacks one content word of a term of three or more words. */
    public static final String PARTIAL_SUFFIX = "-partial";
    static final double QUALITY = 0.7;
    static final double PARTIAL_QUALITY = 0.5;
    /** Source suffix of a match found by comparing stems ({@link #stemmed}). */
    public static final String STEM_SUFFIX = "-stem";
    static final double STEM_QUALITY = 0.6;
    static final int STEM_PREFIX = 6;
    static final int MAX_EXTRA_WORDS = 6;
    static final int MAX_TERM_WORDS = 5;
    /** Resource of the Spanish words the stem matcher reads as another word (word, the word it is read as). */
    static final String EQUIVALENT_WORDS_RESOURCE = "equivalent_words_es.tsv";
    /** Normalized Spanish word to the normalized word it is read as in stemmed mode, from {@link #EQUIVALENT_WORDS_RESOURCE}. */
    static final Map<String, String> EQUIVALENT_WORDS = readEquivalentWords();

    private record Term(DictionaryTerm term, String release, String[] keys) {
    }

    private final TokenNormalizer normalizer;
    private final Language language;
    private final boolean partial;
    private final boolean stemmed;
    /** Terms by their first content word. */
    private final Map<String, List<Term>> byAnchor = new HashMap<>();

    /** Builds the index from the terms whose source is one of {@code sources}, partial matches included. */
    public GappedTermMatcher(Language language, List<Map.Entry<DictionaryTerm, String>> terms, Set<String> sources) {
        this(language, terms, sources, true);
    }

    /** As above; {@code partial} false finds only matches with every content word. */
    public GappedTermMatcher(Language language, List<Map.Entry<DictionaryTerm, String>> terms, Set<String> sources,
                             boolean partial) {
        this(language, terms, sources, partial, false);
    }

    /**
     * A matcher comparing words by {@link #stemKey}: one-word terms are indexed too, partial matches are off.
     */
    public static GappedTermMatcher stemmed(Language language, List<Map.Entry<DictionaryTerm, String>> terms,
                                            Set<String> sources) {
        return new GappedTermMatcher(language, terms, sources, false, true);
    }

    private GappedTermMatcher(Language language, List<Map.Entry<DictionaryTerm, String>> terms, Set<String> sources,
                              boolean partial, boolean stemmed) {
        this.language = language;
        this.partial = partial;
        this.stemmed = stemmed;
        this.normalizer = new TokenNormalizer(language);
        SpanishStemmer stemmer = stemmed ? new SpanishStemmer() : null;
        for (Map.Entry<DictionaryTerm, String> entry : terms) {
            DictionaryTerm term = entry.getKey();
            if (!sources.contains(term.source())) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (String key : normalizer.normalizePhrase(term.text())) {
                String indexed = stemmed ? stemKey(key, stemmer) : key;
                if (!language.isFiller(key) && !keys.contains(indexed)) {
                    keys.add(indexed);
                }
            }
            if (keys.size() < (stemmed ? 1 : 2) || keys.size() > MAX_TERM_WORDS) {
                continue;
            }
            Term indexed = new Term(term, entry.getValue(), keys.toArray(String[]::new));
            byAnchor.computeIfAbsent(keys.get(0), k -> new ArrayList<>()).add(indexed);
            if (partial && keys.size() >= 3) {
                // Lets a partial match that lacks the first word be found from the second.
                byAnchor.computeIfAbsent(keys.get(1), k -> new ArrayList<>()).add(indexed);
            }
        }
    }

    private static Map<String, String> readEquivalentWords() {
        TokenNormalizer normalizer = new TokenNormalizer(Language.ES);
        Map<String, String> equivalents = new HashMap<>();
        try (InputStream in = GappedTermMatcher.class.getResourceAsStream(EQUIVALENT_WORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EQUIVALENT_WORDS_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 2) {
                    throw new IllegalStateException(EQUIVALENT_WORDS_RESOURCE + ": expected two columns: " + line);
                }
                equivalents.put(normalizer.normalize(fields[0]), normalizer.normalize(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EQUIVALENT_WORDS_RESOURCE, e);
        }
        return Map.copyOf(equivalents);
    }

    /**
     * The coarse stem of a normalized word: the word it is read as ({@link #EQUIVALENT_WORDS}, else itself), then
     * its Snowball Spanish stem cut to {@value #STEM_PREFIX} letters; words of at most four letters and words with
     * digits are kept whole (abbreviations, numbers).
     */
    static String stemKey(String word, SpanishStemmer stemmer) {
        String key = EQUIVALENT_WORDS.getOrDefault(word, word);
        if (key.length() <= 4 || key.chars().anyMatch(Character::isDigit)) {
            return key;
        }
        stemmer.setCurrent(key);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        return stem.length() > STEM_PREFIX ? stem.substring(0, STEM_PREFIX) : stem;
    }

    public int termCount() {
        return (int) byAnchor.values().stream().flatMap(List::stream).distinct().count();
    }

    /**
     * Gapped matches in the text, looking at each sentence on its own. {@code wordSentence} gives the sentence of
     * each word; words are the runs of letters or digits inside the tokens.
     */
    public List<TermMatch> match(String text, int[] tokenStarts, int[] tokenEnds, int[] tokenSentence) {
        List<String> keys = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<Integer> sentenceOf = new ArrayList<>();
        // Snowball stemmers keep state: one per call keeps the matcher thread-safe.
        SpanishStemmer stemmer = stemmed ? new SpanishStemmer() : null;
        for (int t = 0; t < tokenStarts.length; t++) {
            int i = tokenStarts[t];
            while (i < tokenEnds[t]) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    int start = i;
                    while (i < tokenEnds[t] && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    String key = normalizer.normalize(text, start, i);
                    keys.add(stemmed ? stemKey(key, stemmer) : key);
                    spans.add(new int[] {start, i});
                    sentenceOf.add(tokenSentence == null ? 0 : tokenSentence[t]);
                } else {
                    i++;
                }
            }
        }
        List<TermMatch> found = new ArrayList<>();
        int from = 0;
        while (from < keys.size()) {
            int to = from;
            while (to < keys.size() && sentenceOf.get(to).equals(sentenceOf.get(from))) {
                to++;
            }
            matchSentence(keys, spans, from, to, found);
            from = to;
        }
        return found;
    }

    private static boolean overlapsFullMatch(TermMatch partial, Iterable<TermMatch> all) {
        for (TermMatch other : all) {
            if (!other.termSource().endsWith(PARTIAL_SUFFIX) && other.system() == partial.system()
                    && other.code().equals(partial.code()) && other.start() < partial.end()
                    && partial.start() < other.end()) {
                return true;
            }
        }
        return false;
    }

    private void matchSentence(List<String> keys, List<int[]> spans, int from, int to, List<TermMatch> found) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int w = from; w < to; w++) {
            positions.computeIfAbsent(keys.get(w), k -> new ArrayList<>()).add(w);
        }
        Map<String, TermMatch> best = new HashMap<>();
        for (Map.Entry<String, List<Integer>> anchor : positions.entrySet()) {
            for (Term term : byAnchor.getOrDefault(anchor.getKey(), List.of())) {
                String[] termKeys = term.keys();
                boolean anchoredOnSecond = !termKeys[0].equals(anchor.getKey());
                for (int at : anchor.getValue()) {
                    int low = at;
                    int high = at;
                    int missing = anchoredOnSecond ? 1 : 0;
                    for (int k = anchoredOnSecond ? 2 : 1; k < termKeys.length; k++) {
                        List<Integer> where = positions.get(termKeys[k]);
                        if (where == null) {
                            missing++;
                            continue;
                        }
                        int nearest = where.get(0);
                        for (int w : where) {
                            if (Math.abs(w - at) < Math.abs(nearest - at)) {
                                nearest = w;
                            }
                        }
                        low = Math.min(low, nearest);
                        high = Math.max(high, nearest);
                    }
                    int width = high - low + 1;
                    // Anchored on its second word, a term is matched without its first word (a partial match);
                    // partial matches that overlap a full match of the same code are dropped below.
                    boolean partialMatch = partial && missing == 1 && termKeys.length >= 3;
                    if ((missing > 0 && !partialMatch) || width > termKeys.length + MAX_EXTRA_WORDS) {
                        continue;
                    }
                    DictionaryTerm t = term.term();
                    String suffix = stemmed ? STEM_SUFFIX : partialMatch ? PARTIAL_SUFFIX : SUFFIX;
                    double quality = stemmed ? STEM_QUALITY : partialMatch ? PARTIAL_QUALITY : QUALITY;
                    TermMatch match = new TermMatch(spans.get(low)[0], spans.get(high)[1], t.system(), t.code(),
                            t.text(), t.source() + suffix, quality * t.weight(), term.release());
                    String key = match.start() + ":" + match.end() + ":" + t.system() + ":" + t.code();
                    TermMatch previous = best.get(key);
                    if (previous == null || previous.score() < match.score()) {
                        best.put(key, match);
                    }
                }
            }
        }
        List<TermMatch> matches = new ArrayList<>();
        for (TermMatch match : best.values()) {
            if (!match.termSource().endsWith(PARTIAL_SUFFIX) || !overlapsFullMatch(match, best.values())) {
                matches.add(match);
            }
        }
        matches.sort(java.util.Comparator.comparingInt(TermMatch::start).thenComparingInt(TermMatch::end)
                .thenComparing(TermMatch::code));
        found.addAll(matches);
    }
}
