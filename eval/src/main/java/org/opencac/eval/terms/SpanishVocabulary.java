package org.opencac.eval.terms;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.TokenNormalizer;
import org.opencac.nlp.align.TextFolding;

/**
 * The words seen in Spanish text, keyed as the matcher keys them ({@link TokenNormalizer}: lower case, no accents,
 * singular), with how often each was seen and its most frequent written form ("crónica"), so translated terms read
 * as Spanish and a cognate is only accepted when Spanish writers actually use it.
 */
public final class SpanishVocabulary {
    private final TokenNormalizer normalizer = new TokenNormalizer(Language.ES);
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Map<String, Integer>> surfaces = new HashMap<>();

    /** Counts the words of one text. */
    public void addText(String text) {
        for (TextFolding.Token token : TextFolding.tokens(text)) {
            String word = token.span().of(text).toLowerCase(Locale.ROOT);
            if (!word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            String key = normalizer.normalize(word);
            counts.merge(key, 1, Integer::sum);
            surfaces.computeIfAbsent(key, k -> new HashMap<>()).merge(word, 1, Integer::sum);
        }
    }

    /** The matcher key of a Spanish word. */
    public String key(String word) {
        return normalizer.normalize(word);
    }

    /** How often words with this key were seen. */
    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    /** The most frequent written form of the key (ties: alphabetical), or the key itself when never seen. */
    public String surface(String key) {
        Map<String, Integer> forms = surfaces.get(key);
        if (forms == null) {
            return key;
        }
        return forms.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .findFirst().orElseThrow().getKey();
    }

    /** Keys of the words in a text, in order (words holding digits kept as folded text). */
    public List<String> keys(String text) {
        return TextFolding.tokens(text).stream().map(t -> normalizer.normalize(t.span().of(text))).toList();
    }

    public int size() {
        return counts.size();
    }
}
