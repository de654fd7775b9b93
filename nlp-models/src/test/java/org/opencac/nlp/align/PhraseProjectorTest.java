package org.opencac.nlp.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhraseProjectorTest {
    /** A tiny parallel corpus in which each Spanish word has one consistent English translation. */
    private static WordTranslationModel tinyModel() {
        List<WordTranslationModel.SentencePair> pairs = List.of(
                pair("derrame pleural", "pleural effusion"),
                pair("derrame pericardico", "pericardial effusion"),
                pair("dolor toracico", "chest pain"),
                pair("dolor abdominal", "abdominal pain"),
                pair("fiebre alta", "high fever"),
                pair("fiebre y dolor", "fever and pain"),
                pair("radiografia de torax", "chest x ray"),
                pair("torax normal", "normal chest"),
                pair("radiografia normal", "normal x ray"),
                pair("presenta derrame", "presents effusion"),
                pair("presenta fiebre", "presents fever"));
        return WordTranslationModel.train(pairs, 10);
    }

    private static WordTranslationModel.SentencePair pair(String spanish, String english) {
        return new WordTranslationModel.SentencePair(List.of(spanish.split(" ")), List.of(english.split(" ")));
    }

    @Test
    void emLearnsConsistentTranslations() {
        WordTranslationModel model = tinyModel();
        assertTrue(model.translationProbability("dolor", "pain") > model.translationProbability("dolor", "chest"));
        assertTrue(model.translationProbability("fiebre", "fever") > 0.5);
    }

    @Test
    void listsTheTranslationsOfAWordWithTheirProbabilities() {
        WordTranslationModel model = tinyModel();
        var row = model.translationsOf("fiebre");
        assertEquals(model.translationProbability("fiebre", "fever"), row.get("fever"), 1e-12);
        assertTrue(row.get("fever") > row.getOrDefault("high", 0.0));
        assertTrue(model.translationsOf("unknownword").isEmpty());
    }

    @Test
    void picksTheShortestWindowCoveringTheTranslatedWords() {
        PhraseProjector projector = new PhraseProjector(tinyModel());
        String english = "On admission the patient presents fever and chest pain with effusion.";
        var span = projector.project(List.of("dolor", "toracico"), english, 0, english.length()).orElseThrow();
        assertEquals("chest pain", span.of(english));
    }

    @Test
    void keepsHyphenatedCompoundsWhole() {
        PhraseProjector projector = new PhraseProjector(tinyModel());
        String english = "A chest x-ray was normal.";
        var span = projector.project(List.of("radiografia", "de", "torax"), english, 0, english.length()).orElseThrow();
        assertEquals("chest x-ray", span.of(english));
    }

    @Test
    void cognatesMatchWithoutTraining() {
        assertTrue(WordTranslationModel.cognateSimilarity("neumoconiosis", "pneumoconiosis") > 0.8);
        assertEquals(0, WordTranslationModel.cognateSimilarity("dolor", "pain"));
    }
}
