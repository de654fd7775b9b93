package org.opencac.eval.terms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.TokenNormalizer;
import org.opencac.nlp.align.TextFolding;
import org.opencac.nlp.align.WordTranslationModel;

/**
 * Translates an official English code term into Spanish word by word: each content word through a lexicon
 * (IBM Model 1 pairs learned on aligned CodiEsp train sentences, and our cognate rules checked against Spanish
 * text), filler words left out. A term with a content word that has no translation is dropped rather than
 * half-translated. Word order is kept from English: the matcher keys terms by their content words in any order.
 */
public final class TermTranslator {
    /** Terms with more content words than this are hardly ever written out in a note. */
    static final int MAX_CONTENT_WORDS = 5;
    static final int MAX_VARIANTS = 6;
    static final int MAX_TRANSLATIONS_PER_WORD = 3;

    /** IBM Model 1 pairs are trusted when the English word was seen this often and both directions agree. */
    static final int MIN_ENGLISH_COUNT = 3;
    /** A translation this likely is kept whatever the reverse model says ("degree" -> "grado", "grado" -> "grade"). */
    static final double MIN_FORWARD_ALONE = 0.5;
    /** Else either a likely translation the reverse model does not contradict ... */
    static final double MIN_FORWARD = 0.3;
    static final double MIN_REVERSE = 0.02;
    /** ... or a less likely one (one gender of an adjective) that the reverse model confirms. */
    static final double MIN_FORWARD_CONFIRMED = 0.1;
    static final double MIN_REVERSE_CONFIRMED = 0.3;
    /** A cognate also listed by the model with at least this probability joins the model's translations. */
    static final double MIN_COGNATE_FORWARD = 0.05;
    /** A Spanish word must have been seen this often to be a translation. */
    static final int MIN_SPANISH_COUNT = 2;

    /** Words of code titles that say nothing a note would write ("other specified ..."): left out. */
    static final Set<String> SKIPPED_WORDS = Set.of("other", "specified", "unspecified", "classified", "elsewhere",
            "initial", "encounter", "subsequent", "sequela", "certain", "stated", "site");
    /**
     * Words that negate what follows: the negated phrase is left out up to the next comma, bracket or linking word
     * ("diabetes without complication" -> "diabetes"; "wound without foreign body of toe" -> "wound of toe").
     */
    static final Set<String> CUT_WORDS = Set.of("without", "not", "no", "except", "excluding", "but");
    /** Linking words that end a negated phrase. */
    private static final Set<String> CUT_ENDS = Set.of("of", "with", "in", "at", "on", "due", "and", "or");
    /** Spanish function words that are never a translation of a content word. */
    private static final Set<String> SPANISH_FUNCTION_WORDS = Set.of("que", "se", "es", "su", "le", "ha", "son",
            "fue", "como", "mas", "pero", "sin", "si", "ya", "este", "esta");

    private final Map<String, List<String>> lexicon;
    private final TokenNormalizer english = new TokenNormalizer(Language.EN);

    /** @param lexicon English word key (see {@link #englishKey}) to its Spanish words, best first */
    public TermTranslator(Map<String, List<String>> lexicon) {
        this.lexicon = lexicon;
    }

    /** The key of an English word: lower case, no accents, singular. */
    public String englishKey(String word) {
        return english.normalize(word);
    }

    /** The content-word keys of an English term (cut at a negation, skipped and filler words left out). */
    public List<String> contentWords(String englishTerm) {
        Set<String> words = new LinkedHashSet<>();
        // "Alzheimer's": the possessive s is no word of its own.
        String text = englishTerm.replaceAll("['\u2019]s\\b", "");
        boolean negated = false;
        int previousEnd = 0;
        for (TextFolding.Token token : TextFolding.tokens(text)) {
            String key = englishKey(token.span().of(text));
            String between = text.substring(previousEnd, token.span().start());
            previousEnd = token.span().end();
            if (CUT_WORDS.contains(key)) {
                negated = true;
                continue;
            }
            if (negated && (CUT_ENDS.contains(key) || between.matches(".*[,;()\\[\\]].*"))) {
                negated = false;
            }
            if (!negated && !Language.EN.isFiller(key) && !SKIPPED_WORDS.contains(key)) {
                words.add(key);
            }
        }
        return new ArrayList<>(words);
    }

    /**
     * Spanish versions of the term (several when a word has several translations, such as both genders of an
     * adjective), or none when a content word cannot be translated or the term is too long.
     */
    public List<String> translate(String englishTerm) {
        List<String> words = contentWords(englishTerm);
        if (words.isEmpty() || words.size() > MAX_CONTENT_WORDS) {
            return List.of();
        }
        List<List<String>> options = new ArrayList<>();
        for (String word : words) {
            List<String> translations = isPassThrough(word) ? List.of(word) : lexicon.getOrDefault(word, List.of());
            if (translations.isEmpty()) {
                return List.of();
            }
            options.add(translations.subList(0, Math.min(MAX_TRANSLATIONS_PER_WORD, translations.size())));
        }
        List<String> variants = new ArrayList<>(List.of(""));
        for (List<String> translations : options) {
            List<String> longer = new ArrayList<>();
            for (String prefix : variants) {
                for (String translation : translations) {
                    if (longer.size() < MAX_VARIANTS) {
                        longer.add(prefix.isEmpty() ? translation : prefix + ' ' + translation);
                    }
                }
            }
            variants = longer;
        }
        return variants;
    }

    /**
     * The Spanish words of one English word key, best first, as written in Spanish text: the IBM Model 1 pairs
     * that both directions support, plus attested cognates the model also lists; when the model has nothing
     * trustworthy (a rare word), the attested cognates alone, most frequent first.
     *
     * @param forward t(Spanish | English) trained on word keys
     * @param reverse t(English | Spanish) trained on the same pairs
     * @param englishCount how often the English key occurs in the aligned English text
     */
    public static List<String> translations(String englishKey, WordTranslationModel forward,
                                            WordTranslationModel reverse, int englishCount, SpanishVocabulary vocabulary) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (englishCount >= MIN_ENGLISH_COUNT) {
            forward.translationsOf(englishKey).forEach((spanish, probability) -> {
                double back = reverse.translationProbability(spanish, englishKey);
                boolean trusted = probability >= MIN_FORWARD_ALONE || (probability >= MIN_FORWARD && back >= MIN_REVERSE)
                        || (probability >= MIN_FORWARD_CONFIRMED && back >= MIN_REVERSE_CONFIRMED);
                if (trusted && isContentWord(spanish, vocabulary)) {
                    scores.put(spanish, probability);
                }
            });
        }
        boolean modelFound = !scores.isEmpty();
        for (String form : CognateRules.candidates(englishKey)) {
            String key = vocabulary.key(form);
            if (!isContentWord(key, vocabulary)) {
                continue;
            }
            if (!modelFound) {
                // Rank cognates by how common they are in Spanish text (scores below any model probability).
                scores.merge(key, vocabulary.count(key) / (vocabulary.count(key) + 1e6), Math::max);
            } else if (forward.translationProbability(englishKey, key) >= MIN_COGNATE_FORWARD) {
                scores.merge(key, forward.translationProbability(englishKey, key), Math::max);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_TRANSLATIONS_PER_WORD)
                .map(entry -> vocabulary.surface(entry.getKey()))
                .toList();
    }

    /** Numbers and single letters ("type 2", "hepatitis b") read the same in both languages. */
    static boolean isPassThrough(String word) {
        return word.length() == 1 || word.chars().allMatch(Character::isDigit);
    }

    private static boolean isContentWord(String spanishKey, SpanishVocabulary vocabulary) {
        return vocabulary.count(spanishKey) >= MIN_SPANISH_COUNT && spanishKey.length() > 1
                && !Language.ES.isFiller(spanishKey) && !SPANISH_FUNCTION_WORDS.contains(spanishKey);
    }
}
