package org.opencac.nlp.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.nlp.text.TextModels;
import org.opencac.nlp.text.TextSpan;

class ConTextEnglishTest {
    private final ContextAnalyzer analyzer = ConText.forLanguage("en");

    /** Context of the first occurrence of {@code target} in the one-sentence {@code text}. */
    private ContextResult contextOf(String text, String target) {
        int start = text.indexOf(target);
        TextSpan sentence = new TextSpan(0, text.length());
        List<TextSpan> tokens = TextModels.forLanguage("en").tokenizer().tokenize(text, sentence);
        return analyzer.analyze(text, sentence, tokens, List.of(new TextSpan(start, start + target.length()))).get(0);
    }

    @Test
    void forwardNegationTriggerIsReportedWithItsSpan() {
        String text = "The patient denies chest pain.";
        ContextResult result = contextOf(text, "chest pain");
        assertTrue(result.flags().negated());
        assertEquals(1, result.triggers().size());
        TriggerHit hit = result.triggers().get(0);
        assertEquals("negated", hit.category());
        assertEquals("denies", hit.span().of(text));
    }

    @Test
    void backwardNegationTrigger() {
        assertTrue(contextOf("Pulmonary embolism was ruled out.", "Pulmonary embolism").flags().negated());
        assertTrue(contextOf("Blood cultures were negative.", "Blood cultures").flags().negated());
    }

    @Test
    void negationCoversAListButStopsAtTermination() {
        String text = "No fever, chills or cough but reports dyspnea.";
        assertTrue(contextOf(text, "cough").flags().negated());
        assertFalse(contextOf(text, "dyspnea").flags().negated());
        assertEquals(ContextFlags.AFFIRMED, contextOf(text, "dyspnea").flags());
    }

    @Test
    void pseudoTriggersDoNotNegate() {
        assertFalse(contextOf("There is no increase in the pleural effusion.", "pleural effusion").flags().negated());
        assertFalse(contextOf("Cultures grew gram negative rods.", "rods").flags().negated());
        assertFalse(contextOf("The rash is not only itchy but painful.", "itchy").flags().negated());
    }

    @Test
    void scopeEndsAfterTheWordWindow() {
        String text = "No acute distress was noted on arrival to the emergency room by the triage nurse today "
                + "and he has pneumonia.";
        assertTrue(contextOf(text, "acute distress").flags().negated());
        assertFalse(contextOf(text, "pneumonia").flags().negated());
    }

    @Test
    void targetBeforeAForwardTriggerIsNotInScope() {
        assertFalse(contextOf("Pneumonia; no effusion.", "Pneumonia").flags().negated());
    }

    @Test
    void uncertaintyHistoryHypotheticalAndFamily() {
        assertTrue(contextOf("Findings are suspicious for pneumonia.", "pneumonia").flags().uncertain());
        assertTrue(contextOf("Chest x-ray to rule out pneumonia.", "pneumonia").flags().uncertain());
        assertFalse(contextOf("Chest x-ray to rule out pneumonia.", "pneumonia").flags().negated());
        assertTrue(contextOf("She has a history of breast cancer.", "breast cancer").flags().historical());
        assertTrue(contextOf("Status post appendectomy.", "appendectomy").flags().historical());
        assertTrue(contextOf("Return to the clinic if she develops a fever.", "fever").flags().hypothetical());
        ContextResult family = contextOf("Her mother had colon cancer.", "colon cancer");
        assertTrue(family.flags().family());
        assertEquals("mother", family.triggers().get(0).phrase());
    }

    @Test
    void worksWithoutTokensAndKeepsTargetOrder() {
        String text = "No cough. Has fever.";
        List<ContextResult> results = analyzer.analyze(text, new TextSpan(0, 9), List.of(),
                List.of(new TextSpan(3, 8)));
        assertTrue(results.get(0).flags().negated());
        String two = "Denies nausea, has vomiting";
        List<ContextResult> both = analyzer.analyze(two, new TextSpan(0, two.length()), List.of(),
                List.of(new TextSpan(two.indexOf("vomiting"), two.length()), new TextSpan(7, 13)));
        assertTrue(both.get(1).flags().negated());
    }
}
