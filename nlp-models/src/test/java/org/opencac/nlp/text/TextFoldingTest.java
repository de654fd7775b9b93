package org.opencac.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextFoldingTest {
    @Test
    void foldsWordsKeepingOneCharPerChar() {
        assertEquals("exploracion fisica: torax", TextFolding.fold("Exploración FÍSICA: Tórax"));
        assertEquals("nino con senal", TextFolding.fold("Niño con señal"));
        assertEquals(7, TextFolding.fold("İstanbul").length() - 1); // one char per char, even where Unicode expands
    }

    @Test
    void everyCharFoldsAsLowerCaseThenFirstCharOfItsDecomposition() {
        for (int code = 0; code <= Character.MAX_VALUE; code++) {
            char c = (char) code;
            char lower = Character.toLowerCase(c);
            char expected = lower > 127 && Character.isLetter(lower)
                    ? Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD).charAt(0) : lower;
            assertEquals(String.valueOf(expected), TextFolding.fold(String.valueOf(c)), "U+" + Integer.toHexString(code));
        }
    }
}
