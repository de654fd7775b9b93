package org.opencac.nlp.align;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opencac.nlp.text.TextSpan;

/**
 * Finds, inside an English sentence, the phrase that translates a Spanish evidence phrase: the shortest window of
 * English words that best covers the Spanish words under a word-translation model. Thread-safe.
 */
public final class PhraseProjector {
    /** Function words count little towards coverage and never start or end a projected phrase. */
    private static final Set<String> SPANISH_FUNCTION_WORDS = Set.of(
            "de", "del", "la", "el", "los", "las", "un", "una", "unos", "unas", "y", "o", "en", "con", "sin", "por",
            "para", "a", "al", "se", "que", "su", "sus", "lo");
    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of(
            "the", "a", "an", "of", "and", "or", "in", "on", "with", "without", "by", "for", "to", "at", "from",
            "is", "was", "were", "be", "that", "which", "his", "her", "their", "its", "as");
    private static final double FUNCTION_WORD_WEIGHT = 0.1;
    /** Cost of each English word in the window: keeps phrases short. */
    private static final double LENGTH_PENALTY = 0.08;
    /** Below this association an English word is taken as no translation at all. */
    private static final double MIN_ASSOCIATION = 0.05;
    private static final int MAX_WINDOW = 12;

    private final WordTranslationModel model;

    public PhraseProjector(WordTranslationModel model) {
        this.model = model;
    }

    /**
     * The best English window for the Spanish words inside english[start, end), as offsets into english; empty
     * when no English word is associated with any Spanish content word.
     */
    public Optional<TextSpan> project(List<String> spanishWords, String english, int start, int end) {
        List<TextFolding.Token> englishTokens = TextFolding.tokens(english, start, end);
        int n = englishTokens.size();
        double bestScore = 0;
        TextSpan best = null;
        for (int first = 0; first < n; first++) {
            if (ENGLISH_FUNCTION_WORDS.contains(englishTokens.get(first).folded())) {
                continue;
            }
            for (int last = first; last < Math.min(n, first + MAX_WINDOW); last++) {
                if (ENGLISH_FUNCTION_WORDS.contains(englishTokens.get(last).folded())) {
                    continue;
                }
                double score = coverage(spanishWords, englishTokens.subList(first, last + 1))
                        - LENGTH_PENALTY * (last - first + 1);
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = new TextSpan(englishTokens.get(first).span().start(), englishTokens.get(last).span().end());
                }
            }
        }
        return Optional.ofNullable(best).map(span -> widenOverHyphens(english, span, start, end));
    }

    /** Words joined by hyphens ("x-ray") are one term: a window never stops inside such a compound. */
    static TextSpan widenOverHyphens(String text, TextSpan span, int limitStart, int limitEnd) {
        int s = span.start();
        int e = span.end();
        while (e + 1 < limitEnd && text.charAt(e) == '-' && Character.isLetterOrDigit(text.charAt(e + 1))) {
            e += 2;
            while (e < limitEnd && Character.isLetterOrDigit(text.charAt(e))) {
                e++;
            }
        }
        while (s - 2 >= limitStart && text.charAt(s - 1) == '-' && Character.isLetterOrDigit(text.charAt(s - 2))) {
            s -= 2;
            while (s - 1 >= limitStart && Character.isLetterOrDigit(text.charAt(s - 1))) {
                s--;
            }
        }
        return new TextSpan(s, e);
    }

    private double coverage(List<String> spanishWords, List<TextFolding.Token> window) {
        double total = 0;
        for (String spanish : spanishWords) {
            double best = 0;
            for (TextFolding.Token english : window) {
                best = Math.max(best, model.association(spanish, english.folded()));
            }
            if (best >= MIN_ASSOCIATION) {
                total += (SPANISH_FUNCTION_WORDS.contains(spanish) ? FUNCTION_WORD_WEIGHT : 1.0) * best;
            }
        }
        return total;
    }
}
