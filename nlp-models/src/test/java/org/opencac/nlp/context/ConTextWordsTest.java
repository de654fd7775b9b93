package org.opencac.nlp.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The word test of the context window agrees with the letter-or-number pattern it replaces. */
class ConTextWordsTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    @Test
    void sameAnswerAsTheLetterOrNumberPattern() {
        List<String> tokens = List.of("fever", "(", "),", "38.5", "½", "\u216B", "—", "s/p", "ñ", "\uD835\uDEFC",
                "\uD835", "\uDEFC", "x\uD835", "..", "", "²", "\u00a0");
        for (String token : tokens) {
            String text = "[" + token + "]";
            for (int start = 0; start <= text.length(); start++) {
                for (int end = start; end <= text.length(); end++) {
                    assertEquals(WORD.matcher(text).region(start, end).find(),
                            ConTextAnalyzer.hasWordCharacter(text, start, end), text + " " + start + ".." + end);
                }
            }
        }
    }
}
