package org.opencac.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextModelsTest {
    private static final String NOTE = "CHIEF COMPLAINT: chest pain\nHPI: 58 y.o. F with HTN, DM2. BP 150/95, "
            + "HR 102. Troponin 0.04 ng/mL. She was given ASA 325 mg p.o. and NTG s.l.\n\nPlan:\n1. Admit\n2. Echo";

    @Test
    void modelsAreBuiltOncePerLanguage() {
        assertSame(TextModels.forLanguage("en"), TextModels.forLanguage("en"));
        assertThrows(IllegalArgumentException.class, () -> TextModels.forLanguage("fr"));
    }

    @Test
    void oneInstanceGivesTheSameAnswerOnEveryThread() throws Exception {
        TextModels models = TextModels.forLanguage("en");
        List<List<TextSpan>> expected = tokensPerSentence(models);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<TextSpan>>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> tokensPerSentence(models)));
            }
            for (Future<List<List<TextSpan>>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<TextSpan>> tokensPerSentence(TextModels models) {
        List<List<TextSpan>> all = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            all.clear();
            for (TextSpan sentence : models.sentenceDetector().detect(NOTE)) {
                all.add(models.tokenizer().tokenize(NOTE, sentence));
            }
        }
        return all;
    }
}
