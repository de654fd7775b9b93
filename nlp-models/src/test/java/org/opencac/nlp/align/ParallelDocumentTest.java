package org.opencac.nlp.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opencac.nlp.text.TextSpan;

class ParallelDocumentTest {
    @Test
    void mapsASpanishEvidenceSpanToItsAlignedEnglishLines() {
        String spanish = "Varón de 40 años con fiebre. Se diagnosticó neumonía bilateral con derrame pleural.";
        String english = "A 40-year-old man with fever.\nBilateral pneumonia with pleural effusion was diagnosed.\n";
        ParallelDocument document = ParallelDocument.align(spanish, english, new SentenceSplitter(), new SentenceAligner(0.9));
        int start = spanish.indexOf("neumonía");
        TextSpan range = document.englishRangeFor(new TextSpan(start, start + "neumonía".length())).orElseThrow();
        assertEquals("Bilateral pneumonia with pleural effusion was diagnosed.", range.of(english));
    }
}
