package org.opencac.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalTokenizerTest {
    private static final String NOTE = "HPI: 67 y.o. M c/o chest pain, SOB x3d. BP 140/90, T 38.2C. "
            + "Given heparin 80 units/kg (bolus) b.i.d., per Dr. Lee.";

    private final TextModels models = TextModels.forLanguage("en");

    private List<String> tokens(String text, TextSpan range) {
        return models.tokenizer().tokenize(text, range).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void everyTokenOffsetPointsAtNonBlankTextInOrderInsideTheRange() {
        for (TextSpan sentence : models.sentenceDetector().detect(NOTE)) {
            List<TextSpan> tokens = models.tokenizer().tokenize(NOTE, sentence);
            assertFalse(tokens.isEmpty());
            int previousEnd = sentence.start();
            for (TextSpan token : tokens) {
                assertTrue(token.start() >= previousEnd, "tokens overlap or are out of order");
                assertTrue(token.end() <= sentence.end(), "token leaves its sentence");
                String surface = token.of(NOTE);
                assertEquals(surface.strip(), surface);
                assertFalse(surface.isEmpty());
                // Nothing but white space is skipped between tokens.
                assertTrue(NOTE.substring(previousEnd, token.start()).isBlank());
                previousEnd = token.end();
            }
        }
    }

    @Test
    void listedAbbreviationsAndCommasAreHandledByRule() {
        String text = "Take 1 tab b.i.d., then p.r.n. per Dr. Lee";
        assertEquals(List.of("Take", "1", "tab", "b.i.d.", ",", "then", "p.r.n.", "per", "Dr.", "Lee"),
                tokens(text, new TextSpan(0, text.length())));
    }

    @Test
    void sentenceFinalPeriodAndParenthesesAreSplit() {
        String text = "Pressure (IOP) was high.";
        assertEquals(List.of("Pressure", "(", "IOP", ")", "was", "high", "."),
                tokens(text, new TextSpan(0, text.length())));
    }

    @Test
    void onlyTheRequestedRangeIsTokenized() {
        String text = "ignored words here; fever today";
        int start = text.indexOf("fever");
        assertEquals(List.of("fever", "today"), tokens(text, new TextSpan(start, text.length())));
    }

    @Test
    void aRepeatedModelChunkGetsTheSameTokensAtItsOwnOffsets() {
        String text = "BP 140/90 mg/kg, later BP 140/90 mg/kg, again";
        List<TextSpan> first = models.tokenizer().tokenize(text, new TextSpan(0, text.length()));
        List<TextSpan> second = models.tokenizer().tokenize(text, new TextSpan(0, text.length()));
        assertEquals(first, second);
        List<String> surfaces = first.stream().map(span -> span.of(text)).toList();
        int later = surfaces.indexOf("later");
        assertEquals(surfaces.subList(0, later), surfaces.subList(later + 1, 2 * later + 1));
        int shift = text.indexOf("BP", 1);
        for (int k = 0; k < later; k++) {
            assertEquals(first.get(k).start() + shift, first.get(later + 1 + k).start());
            assertEquals(first.get(k).end() + shift, first.get(later + 1 + k).end());
        }
    }
}

