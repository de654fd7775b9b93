package org.opencac.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalSentenceDetectorTest {
    private final SentenceDetector detector = TextModels.forLanguage("en").sentenceDetector();

    private List<String> sentences(String text) {
        return detector.detect(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void abbreviationsWithPeriodsDoNotEndSentences() {
        String text = "Pt is a 67 y.o. male seen by Dr. Smith for chest pain vs. reflux. He takes metoprolol 25 mg p.o. "
                + "b.i.d. and tramadol p.r.n. for pain.";
        assertEquals(List.of(
                "Pt is a 67 y.o. male seen by Dr. Smith for chest pain vs. reflux.",
                "He takes metoprolol 25 mg p.o. b.i.d. and tramadol p.r.n. for pain."), sentences(text));
    }

    @Test
    void dosingAbbreviationBeforeACapitalisedWordEndsTheSentence() {
        String text = "Metoprolol 25 mg b.i.d. Aspirin 81 mg daily.";
        assertEquals(List.of("Metoprolol 25 mg b.i.d.", "Aspirin 81 mg daily."), sentences(text));
    }

    @Test
    void vitalSignsDecimalsAndDosagesStayInOneSentence() {
        String text = "Vitals: BP 140/90, HR 88, T 38.2C, SpO2 97% on RA. Gentamicin 5 mg/kg was given at 10:30 on 03/14/2021.";
        assertEquals(List.of("Vitals: BP 140/90, HR 88, T 38.2C, SpO2 97% on RA.",
                "Gentamicin 5 mg/kg was given at 10:30 on 03/14/2021."), sentences(text));
    }

    @Test
    void headingsAndListItemsWithoutPeriodsAreSeparateSentences() {
        String text = "HISTORY OF PRESENT ILLNESS\nChest pain for two days\nMedications:\n- aspirin 81 mg daily\n"
                + "- lisinopril 10 mg daily\nAllergies: none";
        assertEquals(List.of("HISTORY OF PRESENT ILLNESS", "Chest pain for two days", "Medications:",
                "- aspirin 81 mg daily", "- lisinopril 10 mg daily", "Allergies: none"), sentences(text));
    }

    @Test
    void wrappedLinesOfRunningTextAreJoined() {
        String text = "The patient was admitted with\nshortness of breath and fever. She improved.";
        assertEquals(List.of("The patient was admitted with\nshortness of breath and fever.", "She improved."),
                sentences(text));
    }

    @Test
    void aBreakMustFollowSentencePunctuation() {
        String text = "Reagents came from Sigma (http://www.sigma.com, A2547) and were used as supplied.";
        assertEquals(List.of(text), sentences(text));
    }

    @Test
    void spansAreTrimmedOrderedAndDisjoint() {
        String text = "  First sentence here.   Second one!\n\n  Third?  ";
        List<TextSpan> spans = detector.detect(text);
        assertEquals(3, spans.size());
        for (int i = 0; i < spans.size(); i++) {
            String s = spans.get(i).of(text);
            assertEquals(s.strip(), s);
            if (i > 0) {
                assertTrue(spans.get(i - 1).end() <= spans.get(i).start());
            }
        }
    }

    @Test
    void spanishModelSplitsPlainSentences() {
        SentenceDetector spanish = TextModels.forLanguage("es").sentenceDetector();
        String text = "La paciente refiere dolor abdominal. Se pauta tratamiento con paracetamol 1 g c/8h.";
        assertEquals(2, spanish.detect(text).size());
    }

    @Test
    void stockBaselineSplitsAClearCase() {
        String text = "This is the first sentence. This is the second sentence.";
        assertEquals(2, TextModels.openNlpStock().sentenceDetector().detect(text).size());
    }
}
