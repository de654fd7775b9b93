package org.opencac.nlp.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceAlignerTest {
    private final SentenceAligner aligner = new SentenceAligner(0.9);

    @Test
    void findsOneToOneTwoToOneAndOneToTwoBeads() {
        List<String> spanish = List.of(
                "Paciente de 54 años con fiebre de 39 grados y dolor abdominal intenso desde hace tres días.",
                "Se realizó una tomografía abdominal.",
                "Mostró una colección de 5 cm.",
                "Recibió tratamiento antibiótico con amoxicilina durante 10 días y evolucionó favorablemente hasta el alta hospitalaria.",
                "La paciente permanece asintomática.");
        List<String> english = List.of(
                "A 54-year-old patient with fever of 39 degrees and intense abdominal pain for three days.",
                "An abdominal tomography was performed, which showed a 5 cm collection.",
                "She received antibiotic treatment with amoxicillin for 10 days.",
                "She progressed favourably until hospital discharge.",
                "The patient remains asymptomatic.");

        List<Bead> beads = aligner.align(spanish, english);

        assertEquals(List.of(new Bead(0, 1, 0, 1), new Bead(1, 2, 1, 1), new Bead(3, 1, 2, 2), new Bead(4, 1, 4, 1)),
                beads);
    }

    @Test
    void beadsCoverBothSidesWithoutGaps() {
        List<String> spanish = List.of("Uno dos tres.", "Cuatro cinco seis siete.", "Ocho.");
        List<String> english = List.of("One two three four five six seven.", "Eight.", "Nine ten.");
        List<Bead> beads = aligner.align(spanish, english);
        int source = 0;
        int target = 0;
        for (Bead bead : beads) {
            assertEquals(source, bead.sourceStart());
            assertEquals(target, bead.targetStart());
            source = bead.sourceEnd();
            target = bead.targetEnd();
        }
        assertEquals(spanish.size(), source);
        assertEquals(english.size(), target);
    }

    @Test
    void normalCdfMatchesKnownValues() {
        assertEquals(0.5, SentenceAligner.normalCdf(0), 1e-6);
        assertEquals(0.975, SentenceAligner.normalCdf(1.959964), 1e-6);
        assertEquals(0.025, SentenceAligner.normalCdf(-1.959964), 1e-6);
    }
}
