package org.opencac.dictionaries.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.es.SpanishMinimalStemmer;

/**
 * Turns one word into its matching key: lower case, accents removed, plural reduced to singular with
 * Lucene's minimal stemmers. Dictionary terms and note text go through the same function. Thread-safe.
 */
public final class TokenNormalizer {

    private final Language language;
    private final EnglishMinimalStemmer englishStemmer = new EnglishMinimalStemmer();
    private final SpanishMinimalStemmer spanishStemmer = new SpanishMinimalStemmer();

    public TokenNormalizer(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /** Key of the word {@code text[start, end)}; the range must hold letters or digits only. */
    public String normalize(CharSequence text, int start, int end) {
        char[] buffer = new char[end - start];
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                ascii = false;
            }
            buffer[i - start] = c;
        }
        int length = buffer.length;
        if (!ascii) {
            String folded = fold(new String(buffer));
            buffer = folded.toCharArray();
            length = buffer.length;
        }
        for (int i = 0; i < length; i++) {
            buffer[i] = Character.toLowerCase(buffer[i]);
        }
        // Stemmers are stateless; short tokens (abbreviations such as "ms", "us") are left alone.
        if (length > 3) {
            length = language == Language.EN ? englishStemmer.stem(buffer, length) : spanishStemmer.stem(buffer, length);
        }
        return new String(buffer, 0, length);
    }

    public String normalize(String word) {
        return normalize(word, 0, word.length());
    }

    /** Lower case and accents removed, without stemming (used for abbreviation look-up). */
    public static String foldLower(String text) {
        return fold(text).toLowerCase(Locale.ROOT);
    }

    private static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            }
        }
        return text;
    }

    /** Keys of the words of a phrase (runs of letters and digits); punctuation is dropped. */
    public List<String> normalizePhrase(String phrase) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        while (i < phrase.length()) {
            if (Character.isLetterOrDigit(phrase.charAt(i))) {
                int start = i;
                while (i < phrase.length() && Character.isLetterOrDigit(phrase.charAt(i))) {
                    i++;
                }
                keys.add(normalize(phrase, start, i));
            } else {
                i++;
            }
        }
        return keys;
    }
}
