package org.opencac.core.stages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermSources;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.TokenNormalizer;

/**
 * Spanish ICD-10-PCS terms composed from the two halves a clinician writes: the words naming the procedure as
 * clinicians do ("biopsia", "TAC", "ecografía", learned from CodiEsp train evidence) and the body-part words of the
 * translated official terms ("hepática izquierda" of "exéresis hepática izquierda" for 0FB2). A procedure code's
 * first four axes are section, body system, root operation (or imaging type) and body part, so a clinical
 * operation word learned on one body part carries over to every body part of the same section and root
 * operation: "biopsia" seen with 0DB* and 0HB* composes "biopsia hepática izquierda" for 0FB2, which no
 * train phrase names.
 *
 * <p>Operation words of a group (section + root operation, the first and third characters):
 * <ul>
 *   <li>official (translated) ones: words in at least {@value #OFFICIAL_SHARE} of the group's translated
 *       terms and {@value #OFFICIAL_LIFT} times more frequent there than over all translated terms
 *       ("exéresis", "tac"); what remains of a translated term names the body part;</li>
 *   <li>clinical (learned) ones: words of at least {@value #LEARNED_MIN_TERMS} distinct train phrases of the
 *       group, at least half of the word's procedure phrases in that group, and never a body-part word.</li>
 * </ul>
 * Each translated term with a body-part remainder of at most {@value #MAX_BODY_WORDS} words gives one composed
 * term per clinical operation word of its group, with the translated term's code and weight and the source
 * {@link #SOURCE}. The terms depend only on the term list they are built from, so a cross-fitted fold's
 * dictionary composes from that fold's learned terms alone.
 */
public final class PcsComposedTerms {
    /** Source of the composed terms (matched with gaps, every word required). */
    public static final String SOURCE = "pcs-composed";
    static final double OFFICIAL_SHARE = 0.2;
    static final double OFFICIAL_LIFT = 5.0;
    static final int LEARNED_MIN_TERMS = 3;
    static final int MAX_BODY_WORDS = 3;
    static final char IMAGING_SECTION = 'B';

    private PcsComposedTerms() {
    }

    /** A phrase's content words: surface form and matching key, fillers left out. */
    private record Word(String surface, String key) {
    }

    /** The composed terms of {@code terms} (entries of term and release name, as the dictionaries give them). */
    public static List<Map.Entry<DictionaryTerm, String>> compose(List<Map.Entry<DictionaryTerm, String>> terms) {
        TokenNormalizer normalizer = new TokenNormalizer(Language.ES);
        List<Map.Entry<DictionaryTerm, String>> translated = new ArrayList<>();
        List<DictionaryTerm> learned = new ArrayList<>();
        for (Map.Entry<DictionaryTerm, String> entry : terms) {
            DictionaryTerm term = entry.getKey();
            if (term.system() != CodeSystem.ICD10PCS || term.code().length() < 4) {
                continue;
            }
            if (term.source().equals(TermSources.ICD10_ES_TRANSLATED)) {
                translated.add(entry);
            } else if (term.source().equals(TermSources.CODIESP_TRAIN)) {
                learned.add(term);
            }
        }
        Map<String, Set<String>> officialWords = officialOperationWords(translated, normalizer);
        Set<String> bodyWords = new HashSet<>();
        for (Map.Entry<DictionaryTerm, String> entry : translated) {
            Set<String> operation = officialWords.getOrDefault(group(entry.getKey().code()), Set.of());
            for (Word word : words(entry.getKey().text(), normalizer)) {
                if (!operation.contains(word.key())) {
                    bodyWords.add(word.key());
                }
            }
        }
        Map<String, Map<String, String>> clinicalWords = clinicalOperationWords(learned, bodyWords, normalizer);

        List<Map.Entry<DictionaryTerm, String>> composed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<DictionaryTerm, String> entry : translated) {
            DictionaryTerm term = entry.getKey();
            String group = group(term.code());
            Map<String, String> clinical = clinicalWords.getOrDefault(group, Map.of());
            if (clinical.isEmpty() || term.code().charAt(0) != IMAGING_SECTION) {
                continue;
            }
            Set<String> operation = officialWords.getOrDefault(group, Set.of());
            List<Word> body = new ArrayList<>();
            for (Word word : words(term.text(), normalizer)) {
                if (!operation.contains(word.key())) {
                    body.add(word);
                }
            }
            if (body.isEmpty() || body.size() > MAX_BODY_WORDS) {
                continue;
            }
            StringBuilder bodyText = new StringBuilder();
            Set<String> bodyKeys = new java.util.TreeSet<>();
            for (Word word : body) {
                bodyText.append(' ').append(word.surface());
                bodyKeys.add(word.key());
            }
            for (Map.Entry<String, String> word : clinical.entrySet()) {
                if (bodyKeys.contains(word.getKey()) || !seen.add(term.code() + '|' + word.getKey() + '|' + bodyKeys)) {
                    continue;
                }
                composed.add(Map.entry(new DictionaryTerm(CodeSystem.ICD10PCS, term.code(), word.getValue() + bodyText,
                        SOURCE, term.weight()), entry.getValue()));
            }
        }
        return composed;
    }

    /** Section and root operation (imaging type) of a PCS code: its first and third characters. */
    static String group(String code) {
        return "" + code.charAt(0) + code.charAt(2);
    }

    private static List<Word> words(String text, TokenNormalizer normalizer) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                String key = normalizer.normalize(text, start, i);
                if (!Language.ES.isFiller(key)) {
                    words.add(new Word(text.substring(start, i), key));
                }
            } else {
                i++;
            }
        }
        return words;
    }

    /** Keys of the words that name the root operation in the translated four-character terms of each group. */
    static Map<String, Set<String>> officialOperationWords(List<Map.Entry<DictionaryTerm, String>> translated,
                                                           TokenNormalizer normalizer) {
        Map<String, Integer> termsOfGroup = new HashMap<>();
        Map<String, Map<String, Integer>> wordTermsOfGroup = new HashMap<>();
        Map<String, Integer> wordTerms = new HashMap<>();
        int total = 0;
        for (Map.Entry<DictionaryTerm, String> entry : translated) {
            DictionaryTerm term = entry.getKey();
            if (term.code().length() != 4) {
                continue;
            }
            total++;
            String group = group(term.code());
            termsOfGroup.merge(group, 1, Integer::sum);
            Set<String> keys = new HashSet<>();
            words(term.text(), normalizer).forEach(w -> keys.add(w.key()));
            for (String key : keys) {
                wordTermsOfGroup.computeIfAbsent(group, g -> new HashMap<>()).merge(key, 1, Integer::sum);
                wordTerms.merge(key, 1, Integer::sum);
            }
        }
        Map<String, Set<String>> operationWords = new HashMap<>();
        int all = total;
        wordTermsOfGroup.forEach((group, counts) -> counts.forEach((key, count) -> {
            double share = count / (double) termsOfGroup.get(group);
            double overall = wordTerms.get(key) / (double) all;
            if (share >= OFFICIAL_SHARE && share >= OFFICIAL_LIFT * overall) {
                operationWords.computeIfAbsent(group, g -> new HashSet<>()).add(key);
            }
        }));
        return operationWords;
    }

    /**
     * The clinicians' operation words of each group, learned from the train phrases of procedure codes: key to
     * the surface form first seen.
     */
    static Map<String, Map<String, String>> clinicalOperationWords(List<DictionaryTerm> learned, Set<String> bodyWords,
                                                                   TokenNormalizer normalizer) {
        Map<String, Map<String, Integer>> groupsOfWord = new LinkedHashMap<>();
        Map<String, String> surfaceOf = new HashMap<>();
        Set<String> phrasesSeen = new LinkedHashSet<>();
        for (DictionaryTerm term : learned) {
            List<Word> words = words(term.text(), normalizer);
            Set<String> keys = new java.util.TreeSet<>();
            words.forEach(w -> keys.add(w.key()));
            String group = group(term.code());
            // One count per distinct phrase of a group, however often it was annotated.
            if (!phrasesSeen.add(group + '|' + keys)) {
                continue;
            }
            for (Word word : words) {
                surfaceOf.putIfAbsent(word.key(), word.surface().toLowerCase(java.util.Locale.ROOT));
            }
            for (String key : keys) {
                groupsOfWord.computeIfAbsent(key, k -> new HashMap<>()).merge(group, 1, Integer::sum);
            }
        }
        Map<String, Map<String, String>> operationWords = new HashMap<>();
        groupsOfWord.forEach((key, groups) -> {
            if (key.length() < 2 || bodyWords.contains(key) || key.chars().allMatch(Character::isDigit)) {
                return;
            }
            int phrases = groups.values().stream().mapToInt(Integer::intValue).sum();
            groups.forEach((group, count) -> {
                if (count >= LEARNED_MIN_TERMS && count * 2 >= phrases) {
                    operationWords.computeIfAbsent(group, g -> new java.util.TreeMap<>()).put(key, surfaceOf.get(key));
                }
            });
        });
        return operationWords;
    }
}
