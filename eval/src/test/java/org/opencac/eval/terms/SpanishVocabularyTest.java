package org.opencac.eval.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpanishVocabularyTest {

    @Test
    void countsWordsByMatcherKeyAndRemembersTheUsualSpelling() {
        SpanishVocabulary vocabulary = new SpanishVocabulary();
        vocabulary.addText("Insuficiencia cardíaca crónica; cardiaca. Cardíacas 12 mg. Cardíaca.");
        String key = vocabulary.key("Cardíaca");
        assertEquals("cardiaca", key);
        assertEquals(4, vocabulary.count(key), "plural and unaccented forms share the key");
        assertEquals("cardíaca", vocabulary.surface(key));
        assertEquals(0, vocabulary.count("12"), "numbers are no vocabulary");
        assertEquals("desconocido", vocabulary.surface("desconocido"));
    }
}
