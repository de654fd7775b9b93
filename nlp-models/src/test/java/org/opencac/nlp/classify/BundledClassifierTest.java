package org.opencac.nlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencac.nlp.text.TextSpan;

class BundledClassifierTest {
    @Test
    void spanishModelLoadsAndGivesSpansInsideTheNote() {
        checkBundled("es", "Varón de 60 años con fiebre y tos.\nEn la radiografía de tórax se observa derrame pleural derecho.");
    }

    @Test
    void englishModelLoadsAndGivesSpansInsideTheNote() {
        checkBundled("en", "A 60-year-old man with fever and cough.\nChest X-ray showed right pleural effusion.");
    }

    private static void checkBundled(String language, String note) {
        try (DocumentClassifier classifier = DocumentClassifier.loadBundled(language)) {
            assertEquals(language, classifier.language());
            List<CodeScore> scores = classifier.classify(note);
            assertEquals(classifier.labels().size(), scores.size());
            assertFalse(scores.isEmpty());
            for (CodeScore score : scores) {
                assertTrue(score.score() >= 0 && score.score() <= 1);
                assertTrue(score.system().equals(CodeScore.ICD10CM) || score.system().equals(CodeScore.ICD10PCS));
                assertEquals(score.code().toUpperCase(java.util.Locale.ROOT), score.code());
                for (TextSpan span : score.evidenceSpans()) {
                    assertTrue(span.start() >= 0 && span.end() <= note.length() && span.start() < span.end());
                }
            }
            assertFalse(scores.get(0).evidenceSpans().isEmpty(), "the best code should rest on some sentence");
        }
    }

    @Test
    void unknownLanguageIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DocumentClassifier.loadBundled("fr"));
    }
}
