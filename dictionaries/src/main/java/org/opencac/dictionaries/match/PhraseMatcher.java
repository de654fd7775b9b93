package org.opencac.dictionaries.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.TermMatcher;

/**
 * Dictionary matcher over token sequences. A phrase is keyed by an order-free hash of its content words
 * (filler words removed), so one look-up per window finds exact phrases, re-ordered phrases and phrases
 * with a filler word dropped or added. At each start the longest matching window wins, and matches lying
 * inside a longer match are dropped. Scores: 1.0 same words in the same order, 0.9 same content words in
 * the same order but different fillers, 0.8 re-ordered; times 0.95 when an abbreviation or synonym stood
 * for the words; times the term's weight. Immutable and thread-safe after {@link Builder#build()}.
 */
public final class PhraseMatcher implements TermMatcher {

    static final int UNKNOWN = -1;
    static final int SKIP = -2;
    static final int BREAK = -3;
    static final int MAX_CONTENT_WORDS = 12;
    private static final String ABBREVIATION_PREFIX = "#";
    private static final String SKIPPABLE_PUNCTUATION = ",-()/'\"[]%°+&";

    /** Where a phrase points. */
    private record Target(CodeSystem system, String code, String term, String source, double weight,
                          String release) {
    }

    /** One distinct word sequence and every code it names; {@code viaAbbreviation}: built by substitution. */
    private record Variant(int[] ids, int[] content, int[] sortedContent, boolean viaAbbreviation,
                           Target[] targets) {
    }

    private final TokenNormalizer normalizer;
    private final Abbreviations abbreviations;
    private final Map<String, Integer> vocabulary;
    private final boolean[] filler;
    /** For each word, the most content words of any phrase containing it: a window can never be longer. */
    private final int[] longestPhraseWith;
    private final LongObjectMap<Variant[]> phrases;
    private final int variantCount;

    private PhraseMatcher(Builder builder, LongObjectMap<Variant[]> phrases, int variantCount) {
        this.normalizer = builder.normalizer;
        this.abbreviations = builder.abbreviations;
        this.vocabulary = Map.copyOf(builder.vocabulary);
        this.filler = new boolean[builder.vocabulary.size()];
        for (int id = builder.fillerIds.nextSetBit(0); id >= 0; id = builder.fillerIds.nextSetBit(id + 1)) {
            filler[id] = true;
        }
        this.phrases = phrases;
        this.variantCount = variantCount;
        this.longestPhraseWith = new int[builder.vocabulary.size()];
        for (List<Builder.VariantDraft> drafts : builder.drafts.values()) {
            for (Builder.VariantDraft draft : drafts) {
                int contentCount = 0;
                for (int id : draft.ids) {
                    if (!filler[id]) {
                        contentCount++;
                    }
                }
                for (int id : draft.ids) {
                    longestPhraseWith[id] = Math.max(longestPhraseWith[id], contentCount);
                }
            }
        }
    }

    /** Number of distinct word sequences (after normalization) the matcher knows. */
    public int phraseCount() {
        return variantCount;
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public List<TermMatch> match(String text, int[] tokenStarts, int[] tokenEnds) {
        int capacity = 0;
        for (int k = 0; k < tokenStarts.length; k++) {
            capacity += Math.max(1, tokenEnds[k] - tokenStarts[k]);
        }
        int[] ids = new int[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int n = wordIds(text, tokenStarts, tokenEnds, ids, starts, ends);

        List<TermMatch> found = new ArrayList<>();
        int[] window = new int[MAX_CONTENT_WORDS];
        int[] sorted = new int[MAX_CONTENT_WORDS];
        for (int i = 0; i < n; i++) {
            if (ids[i] < 0 || filler[ids[i]]) {
                continue;
            }
            long hash = 0;
            int count = 0;
            int limit = MAX_CONTENT_WORDS;
            int bestEnd = -1;
            List<Variant> best = null;
            for (int j = i; j < n; j++) {
                int id = ids[j];
                if (id == BREAK || id == UNKNOWN) {
                    break;
                }
                if (id == SKIP || filler[id]) {
                    continue;
                }
                limit = Math.min(limit, longestPhraseWith[id]);
                if (count >= limit) {
                    break;
                }
                // Keep the window's ids sorted as it grows (insertion step): cheaper than sorting a copy per hit.
                int at = count;
                while (at > 0 && sorted[at - 1] > id) {
                    sorted[at] = sorted[at - 1];
                    at--;
                }
                sorted[at] = id;
                window[count++] = id;
                hash += mix(id);
                Variant[] candidates = phrases.get(hash);
                if (candidates == null) {
                    continue;
                }
                List<Variant> hits = null;
                for (Variant variant : candidates) {
                    if (Arrays.equals(variant.sortedContent(), 0, variant.sortedContent().length, sorted, 0, count)) {
                        if (hits == null) {
                            hits = new ArrayList<>(2);
                        }
                        hits.add(variant);
                    }
                }
                if (hits != null) {
                    bestEnd = j;
                    best = hits;
                }
            }
            if (best != null) {
                addMatches(found, best, text, ids, starts, ends, i, bestEnd, window);
            }
        }
        return keepLongest(found);
    }

    private void addMatches(List<TermMatch> found, List<Variant> variants, String text, int[] ids, int[] starts,
                            int[] ends, int from, int to, int[] scratch) {
        int[] windowIds = new int[to - from + 1];
        int length = 0;
        for (int k = from; k <= to; k++) {
            if (ids[k] >= 0) {
                windowIds[length++] = ids[k];
            }
        }
        int[] windowContent = new int[length];
        int contentLength = 0;
        for (int k = 0; k < length; k++) {
            if (!filler[windowIds[k]]) {
                windowContent[contentLength++] = windowIds[k];
            }
        }
        int start = starts[from];
        int end = ends[to];
        Map<String, TermMatch> byCode = new LinkedHashMap<>();
        for (Variant variant : variants) {
            double quality;
            if (Arrays.equals(variant.ids(), 0, variant.ids().length, windowIds, 0, length)) {
                quality = 1.0;
            } else if (Arrays.equals(variant.content(), 0, variant.content().length, windowContent, 0, contentLength)) {
                quality = 0.9;
            } else {
                quality = 0.8;
            }
            if (variant.viaAbbreviation()) {
                quality *= 0.95;
            }
            for (Target target : variant.targets()) {
                double score = quality * target.weight();
                String key = target.system().name() + ':' + target.code();
                TermMatch previous = byCode.get(key);
                if (previous == null || previous.score() < score) {
                    byCode.put(key, new TermMatch(start, end, target.system(), target.code(), target.term(),
                            target.source(), score, target.release()));
                }
            }
        }
        found.addAll(byCode.values());
    }

    /** Drops matches whose span lies strictly inside the span of another match. */
    private static List<TermMatch> keepLongest(List<TermMatch> matches) {
        if (matches.size() < 2) {
            return matches;
        }
        List<TermMatch> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(TermMatch::start).thenComparing(Comparator.comparingInt(TermMatch::end).reversed()));
        List<TermMatch> kept = new ArrayList<>(sorted.size());
        int coverStart = -1;
        int coverEnd = -1;
        for (TermMatch match : sorted) {
            boolean inside = match.end() <= coverEnd && !(match.start() == coverStart && match.end() == coverEnd);
            if (inside) {
                continue;
            }
            kept.add(match);
            if (match.end() > coverEnd) {
                coverStart = match.start();
                coverEnd = match.end();
            }
        }
        return kept;
    }

    /** Splits tokens into words and punctuation and gives each word its id; returns the number of entries. */
    private int wordIds(String text, int[] tokenStarts, int[] tokenEnds, int[] ids, int[] starts, int[] ends) {
        int n = 0;
        boolean useAbbreviations = abbreviations.size() > 0;
        for (int k = 0; k < tokenStarts.length; k++) {
            int tokenStart = tokenStarts[k];
            int tokenEnd = tokenEnds[k];
            if (useAbbreviations && hasInnerPunctuation(text, tokenStart, tokenEnd)) {
                // Keeps abbreviations written with inner punctuation ("s/p") in one piece.
                Integer id = abbreviationId(text, tokenStart, tokenEnd, TokenNormalizer.foldLower(text, tokenStart, tokenEnd));
                if (id != null) {
                    ids[n] = id;
                    starts[n] = tokenStart;
                    ends[n++] = tokenEnd;
                    continue;
                }
            }
            int i = tokenStart;
            while (i < tokenEnd) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    int wordStart = i;
                    while (i < tokenEnd && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    char[] folded = TokenNormalizer.foldLower(text, wordStart, i);
                    Integer id = useAbbreviations ? abbreviationId(text, wordStart, i, folded) : null;
                    if (id == null) {
                        id = vocabulary.get(normalizer.stem(folded));
                    }
                    ids[n] = id == null ? UNKNOWN : id;
                    starts[n] = wordStart;
                    ends[n++] = i;
                } else {
                    if (!Character.isWhitespace(c)) {
                        boolean skippable = SKIPPABLE_PUNCTUATION.indexOf(c) >= 0
                                || (c == '.' && followsShortCapitalizedWord(text, i));
                        ids[n] = skippable ? SKIP : BREAK;
                        starts[n] = i;
                        ends[n++] = i + 1;
                    }
                    i++;
                }
            }
        }
        return n;
    }

    /** A dot after a one- or two-letter capitalized word ("H. pylori", "St. aureus") abbreviates; it ends no sentence. */
    private static boolean followsShortCapitalizedWord(String text, int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        int length = dot - start;
        return length >= 1 && length <= 2 && Character.isUpperCase(text.charAt(start))
                && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)));
    }

    private static boolean hasInnerPunctuation(String text, int start, int end) {
        if (end - start < 3) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private Integer abbreviationId(String text, int start, int end, char[] folded) {
        if (folded.length > 10 || folded.length < 2) {
            return null;
        }
        String key = new String(folded);
        if (!abbreviations.accepts(key, text.subSequence(start, end))) {
            return null;
        }
        return vocabulary.get(ABBREVIATION_PREFIX + key);
    }

    private static long mix(int id) {
        // SplitMix64 finalizer: spreads word ids so that sums of a few ids rarely collide.
        long z = (id + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Collects terms, then builds an immutable matcher. Not thread-safe. */
    public static final class Builder {

        private final Language language;
        private final TokenNormalizer normalizer;
        private final Abbreviations abbreviations;
        private final Map<String, Integer> vocabulary = new HashMap<>();
        private final java.util.BitSet fillerIds = new java.util.BitSet();
        /** First content word of an expansion -> (abbreviation key, expansion content words). */
        private final Map<String, List<String[]>> expansionsByFirstWord = new HashMap<>();
        /** First content word of a phrase -> (replacement content words, phrase content words). */
        private final Map<String, List<String[][]>> synonymsByFirstWord = new HashMap<>();
        private final Map<Long, List<VariantDraft>> drafts = new HashMap<>();

        static final class VariantDraft {
            final int[] ids;
            final boolean viaAbbreviation;
            final Map<String, Target> targets = new LinkedHashMap<>();

            VariantDraft(int[] ids, boolean viaAbbreviation) {
                this.ids = ids;
                this.viaAbbreviation = viaAbbreviation;
            }
        }

        public Builder(Language language, Abbreviations abbreviations) {
            this(language, abbreviations, Abbreviations.empty());
        }

        /**
         * @param synonyms word-for-word alternatives ({@code key} = what a note may say, expansion = the words
         *                 of the official term): a term holding the expansion is also stored with the key's
         *                 words, as ordinary words (so "chest x ray" finds "Plain Radiography of Chest").
         */
        public Builder(Language language, Abbreviations abbreviations, Abbreviations synonyms) {
            this.language = language;
            this.normalizer = new TokenNormalizer(language);
            this.abbreviations = abbreviations;
            // Filler words need ids even when no term uses them, so that an extra filler in a note is skipped.
            for (String filler : language.fillers()) {
                wordId(filler);
            }
            abbreviations.asMap().forEach((key, expansions) -> {
                for (String expansion : expansions) {
                    List<String> words = contentWords(normalizer.normalizePhrase(expansion));
                    if (words.isEmpty()) {
                        continue;
                    }
                    String[] entry = new String[words.size() + 1];
                    entry[0] = key;
                    for (int i = 0; i < words.size(); i++) {
                        entry[i + 1] = words.get(i);
                    }
                    expansionsByFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(entry);
                }
            });
            indexSynonyms(synonyms);
        }

        private void indexSynonyms(Abbreviations synonyms) {
            synonyms.asMap().forEach((key, expansions) -> {
                String[] replacement = contentWords(normalizer.normalizePhrase(key)).toArray(new String[0]);
                for (String expansion : expansions) {
                    String[] words = contentWords(normalizer.normalizePhrase(expansion)).toArray(new String[0]);
                    if (words.length > 0 && replacement.length > 0) {
                        synonymsByFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>())
                                .add(new String[][] {replacement, words});
                    }
                }
            });
        }

        private int wordId(String word) {
            Integer id = vocabulary.get(word);
            if (id == null) {
                id = vocabulary.size();
                vocabulary.put(word, id);
                if (language.isFiller(word)) {
                    fillerIds.set(id);
                }
            }
            return id;
        }

        /** Adds a term valid in {@code release}; terms with no content word or too many are ignored. */
        public Builder add(DictionaryTerm term, String release) {
            List<String> words = termWords(term.text());
            Target target = new Target(term.system(), term.code(), term.text(), term.source(), term.weight(), release);
            addWords(words, target, false);
            List<String> content = contentWords(words);
            addAbbreviatedForms(content, target);
            addSynonymForms(content, target);
            return this;
        }

        /**
         * Word keys of a term, read the way a note is read: a word that the note reader would take as an
         * abbreviation ("VHC" in "hepatopatía crónica por VHC") becomes the abbreviation's key.
         */
        private List<String> termWords(String text) {
            List<String> words = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    int start = i;
                    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    char[] folded = TokenNormalizer.foldLower(text, start, i);
                    String key = new String(folded);
                    words.add(abbreviations.accepts(key, text.subSequence(start, i)) ? ABBREVIATION_PREFIX + key
                            : normalizer.stem(folded));
                } else {
                    i++;
                }
            }
            return words;
        }

        /** For each synonym whose phrase occurs in the term, the term with the synonym's words instead. */
        private void addSynonymForms(List<String> content, Target target) {
            for (int p = 0; p < content.size(); p++) {
                List<String[][]> candidates = synonymsByFirstWord.get(content.get(p));
                if (candidates == null) {
                    continue;
                }
                for (String[][] synonym : candidates) {
                    String[] replacement = synonym[0];
                    String[] words = synonym[1];
                    if (p + words.length > content.size()) {
                        continue;
                    }
                    boolean same = true;
                    for (int k = 0; k < words.length && same; k++) {
                        same = content.get(p + k).equals(words[k]);
                    }
                    if (same) {
                        List<String> replaced = new ArrayList<>(content.subList(0, p));
                        replaced.addAll(List.of(replacement));
                        replaced.addAll(content.subList(p + words.length, content.size()));
                        addWords(replaced, target, true);
                    }
                }
            }
        }

        /** For each abbreviation whose expansion occurs in the term, the term with the abbreviation instead. */
        private void addAbbreviatedForms(List<String> content, Target target) {
            for (int p = 0; p < content.size(); p++) {
                List<String[]> candidates = expansionsByFirstWord.get(content.get(p));
                if (candidates == null) {
                    continue;
                }
                for (String[] entry : candidates) {
                    int length = entry.length - 1;
                    if (p + length > content.size()) {
                        continue;
                    }
                    boolean same = true;
                    for (int k = 0; k < length && same; k++) {
                        same = content.get(p + k).equals(entry[k + 1]);
                    }
                    if (same) {
                        List<String> abbreviated = new ArrayList<>(content.subList(0, p));
                        abbreviated.add(ABBREVIATION_PREFIX + entry[0]);
                        abbreviated.addAll(content.subList(p + length, content.size()));
                        addWords(abbreviated, target, true);
                    }
                }
            }
        }

        private List<String> contentWords(List<String> words) {
            List<String> content = new ArrayList<>(words.size());
            for (String word : words) {
                if (!language.isFiller(word)) {
                    content.add(word);
                }
            }
            return content;
        }

        private void addWords(List<String> words, Target target, boolean viaAbbreviation) {
            int contentCount = 0;
            long hash = 0;
            int[] ids = new int[words.size()];
            for (int i = 0; i < ids.length; i++) {
                int id = wordId(words.get(i));
                ids[i] = id;
                if (!fillerIds.get(id)) {
                    contentCount++;
                    hash += mix(id);
                }
            }
            if (contentCount == 0 || contentCount > MAX_CONTENT_WORDS) {
                return;
            }
            List<VariantDraft> list = drafts.computeIfAbsent(hash, h -> new ArrayList<>(1));
            VariantDraft draft = null;
            for (VariantDraft existing : list) {
                if (Arrays.equals(existing.ids, ids)) {
                    draft = existing;
                    break;
                }
            }
            if (draft == null) {
                draft = new VariantDraft(ids, viaAbbreviation);
                list.add(draft);
            }
            // One target per code and source for a given word sequence is enough.
            draft.targets.putIfAbsent(target.system().name() + ':' + target.code() + ':' + target.source(), target);
        }

        public PhraseMatcher build() {
            LongObjectMap<Variant[]> phrases = new LongObjectMap<>(drafts.size());
            int count = 0;
            for (Map.Entry<Long, List<VariantDraft>> entry : drafts.entrySet()) {
                List<VariantDraft> list = entry.getValue();
                Variant[] variants = new Variant[list.size()];
                for (int i = 0; i < variants.length; i++) {
                    VariantDraft draft = list.get(i);
                    int[] content = Arrays.stream(draft.ids).filter(id -> !fillerIds.get(id)).toArray();
                    int[] sortedContent = content.clone();
                    Arrays.sort(sortedContent);
                    variants[i] = new Variant(draft.ids, content, sortedContent, draft.viaAbbreviation,
                            draft.targets.values().toArray(new Target[0]));
                }
                phrases.put(entry.getKey(), variants);
                count += variants.length;
            }
            return new PhraseMatcher(this, phrases, count);
        }
    }
}
