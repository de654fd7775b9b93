package org.opencac.nlp.context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencac.nlp.text.TextFolding;

/**
 * The trigger phrases of one language, matched case- and accent-insensitively on word boundaries, longest first;
 * pseudo-triggers are matched first and hide any trigger they overlap ("there is no increase").
 * Immutable and thread-safe.
 * <p>File format, one entry a line: {@code CATEGORY<TAB>direction<TAB>phrase}; for TERMINATE the second column is
 * "all" or the category it terminates; {@code #} starts a comment.
 */
public final class TriggerLexicon {
    /** A lexicon phrase found in a text. */
    public record Match(int start, int end, List<LexiconEntry> entries) {
    }

    private final Map<String, List<LexiconEntry>> entriesByPhrase;
    /** Pseudo-triggers are matched first; a trigger overlapping one is dropped ("there is no increase"). */
    private final PhraseTrie pseudoPhrases;
    private final PhraseTrie triggerPhrases;

    private TriggerLexicon(List<LexiconEntry> entries) {
        Map<String, List<LexiconEntry>> byPhrase = new HashMap<>();
        for (LexiconEntry entry : entries) {
            byPhrase.computeIfAbsent(normalize(entry.phrase()), key -> new ArrayList<>()).add(entry);
        }
        byPhrase.replaceAll((phrase, list) -> List.copyOf(list));
        this.entriesByPhrase = Map.copyOf(byPhrase);
        this.pseudoPhrases = new PhraseTrie(entriesByPhrase.entrySet().stream()
                .filter(e -> isPseudo(e.getValue())).map(Map.Entry::getKey).toList());
        this.triggerPhrases = new PhraseTrie(entriesByPhrase.entrySet().stream()
                .filter(e -> !isPseudo(e.getValue())).map(Map.Entry::getKey).toList());
    }

    private static boolean isPseudo(List<LexiconEntry> entries) {
        return entries.stream().allMatch(entry -> entry.category() == ContextCategory.PSEUDO);
    }

    public static TriggerLexicon forLanguage(String language) {
        String resource = "triggers-" + language + ".tsv";
        try (InputStream in = TriggerLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No trigger lexicon for language " + language);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TriggerLexicon parse(BufferedReader lines) throws IOException {
        List<LexiconEntry> entries = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 3) {
                throw new IllegalArgumentException("Lexicon line " + number + " needs 3 tab-separated columns");
            }
            ContextCategory category = ContextCategory.valueOf(columns[0].strip().toUpperCase(Locale.ROOT));
            String second = columns[1].strip().toUpperCase(Locale.ROOT);
            String phrase = columns[2].strip();
            if (category == ContextCategory.TERMINATE) {
                ContextCategory terminates = second.equals("ALL") ? null : ContextCategory.valueOf(second);
                entries.add(new LexiconEntry(phrase, category, Direction.NONE, terminates));
            } else if (category == ContextCategory.PSEUDO) {
                entries.add(new LexiconEntry(phrase, category, Direction.NONE, null));
            } else {
                entries.add(new LexiconEntry(phrase, category, Direction.valueOf(second), null));
            }
        }
        return new TriggerLexicon(entries);
    }

    /** Every lexicon phrase in {@code [from, to)} of the text, left to right, not overlapping. */
    public List<Match> find(String text, int from, int to) {
        String folded = fold(text.substring(from, to));
        List<Match> pseudo = matches(pseudoPhrases, folded, from);
        List<Match> matches = new ArrayList<>(pseudo);
        for (Match match : matches(triggerPhrases, folded, from)) {
            if (pseudo.stream().noneMatch(p -> p.start() < match.end() && match.start() < p.end())) {
                matches.add(match);
            }
        }
        matches.sort(Comparator.comparingInt(Match::start));
        return matches;
    }

    private List<Match> matches(PhraseTrie phrases, String folded, int offset) {
        List<Match> matches = new ArrayList<>();
        for (PhraseTrie.Hit hit : phrases.find(folded)) {
            matches.add(new Match(offset + hit.start(), offset + hit.end(), entriesByPhrase.get(hit.phrase())));
        }
        return matches;
    }

    static String fold(String text) {
        return TextFolding.fold(text);
    }

    private static String normalize(String phrase) {
        return fold(phrase.strip()).replaceAll("\\s+", " ");
    }
}
