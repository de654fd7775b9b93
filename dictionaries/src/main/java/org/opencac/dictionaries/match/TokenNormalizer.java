package org.opencac.dictionaries.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.es.SpanishMinimalStemmer;

/**
 * Turns one word into its matching key: accents removed, lower case, plural reduced to singular with
 * Lucene's minimal stemmers. Dictionary terms and note text go through the same function. Thread-safe.
 */
public final class TokenNormalizer {

    /** Accent-free form of each Latin character below U+0250, computed once with the JDK's decomposition. */
    private static final char[] FOLD = new char[0x250];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            FOLD[c] = c;
            if (c >= 0x80) {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                if (!base.isEmpty() && base.charAt(0) < 0x80 && Character.isLetter(base.charAt(0))) {
                    FOLD[c] = base.charAt(0);
                }
            }
        }
    }

    private final Language language;
    private final EnglishMinimalStemmer englishStemmer = new EnglishMinimalStemmer();
    private final SpanishMinimalStemmer spanishStemmer = new SpanishMinimalStemmer();

    public TokenNormalizer(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /** Key of the word {@code text[start, end)}; the range should hold letters or digits only. */
    public String normalize(CharSequence text, int start, int end) {
        return stem(foldLower(text, start, end));
    }

    public String normalize(String word) {
        return normalize(word, 0, word.length());
    }

    /** Stems an already folded, lower-case word in place and returns it as a string. */
    String stem(char[] folded) {
        int length = folded.length;
        // Short tokens (abbreviations such as "ms", "ras") are left alone.
        if (length > 3) {
            length = language == Language.EN ? englishStemmer.stem(folded, length) : spanishStemmer.stem(folded, length);
        }
        return new String(folded, 0, length);
    }

    /** Lower case without accents, without stemming. */
    public static char[] foldLower(CharSequence text, int start, int end) {
        char[] buffer = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c < FOLD.length) {
                c = FOLD[c];
            }
            buffer[i - start] = Character.toLowerCase(c);
        }
        return buffer;
    }

    /** Lower case without accents, without stemming (used for abbreviation keys). */
    public static String foldLower(String text) {
        return new String(foldLower(text, 0, text.length()));
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
