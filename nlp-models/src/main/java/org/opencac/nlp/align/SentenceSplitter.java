package org.opencac.nlp.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.opencac.nlp.text.TextSpan;

/**
 * A deliberately simple rule splitter for Spanish (and line-per-sentence English): a sentence ends at a line
 * break, or at . ? ! followed by white space and an upper-case letter, digit or opening mark, unless the word
 * before the stop is a known abbreviation or a single letter. Thread-safe and stateless.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "dra", "sr", "sra", "srta", "fig", "pag", "p", "ej", "aprox", "etc", "vs", "nº", "no", "num",
            "mg", "ml", "cm", "mm", "kg", "h", "min", "seg", "i.e", "e.g", "u", "ud", "uds", "mr", "mrs", "ms",
            "st", "approx", "dl", "g");

    /** Sentence spans in text order, trimmed of surrounding white space, never empty. */
    public List<TextSpan> split(String text) {
        List<TextSpan> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                addTrimmed(text, start, i, sentences);
                start = i + 1;
            } else if ((c == '.' || c == '?' || c == '!') && endsSentence(text, i)) {
                addTrimmed(text, start, i + 1, sentences);
                start = i + 1;
            }
        }
        addTrimmed(text, start, text.length(), sentences);
        return sentences;
    }

    private static boolean endsSentence(String text, int stop) {
        int next = stop + 1;
        if (next >= text.length() || !Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        char following = text.charAt(next);
        boolean opensSentence = Character.isUpperCase(following) || Character.isDigit(following)
                || following == '¿' || following == '¡' || following == '(' || following == '"' || following == '-'
                || following == '\n' || following == '\r';
        if (!opensSentence || text.charAt(stop) != '.') {
            return opensSentence;
        }
        return !isAbbreviation(wordBefore(text, stop));
    }

    private static String wordBefore(String text, int stop) {
        int begin = stop;
        while (begin > 0 && !Character.isWhitespace(text.charAt(begin - 1)) && text.charAt(begin - 1) != '(') {
            begin--;
        }
        return text.substring(begin, stop).toLowerCase(Locale.ROOT);
    }

    private static boolean isAbbreviation(String word) {
        return word.length() == 1 && Character.isLetter(word.charAt(0)) || ABBREVIATIONS.contains(word);
    }

    private static void addTrimmed(String text, int start, int end, List<TextSpan> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new TextSpan(start, end));
        }
    }
}
