package org.opencac.nlp.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    @Test
    void splitsOnStopsAndLineBreaksButNotAfterAbbreviationsOrDecimals() {
        String text = "Varón de 37 años. Fiebre de 40.2 C y tto. con Dr. García.\nEn la Rx. se ve derrame. ¿Dolor? No.";
        List<String> sentences = new SentenceSplitter().split(text).stream().map(s -> s.of(text)).toList();
        assertEquals(List.of("Varón de 37 años.", "Fiebre de 40.2 C y tto. con Dr. García.", "En la Rx. se ve derrame.",
                "¿Dolor?", "No."), sentences);
    }
}
