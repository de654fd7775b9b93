package org.opencac.nlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencac.nlp.align.TextFolding;

class FeatureHasherTest {
    @Test
    void sameTextGivesSameBucketsAcrossInstances() {
        String text = "Derrame pleural bilateral con fiebre.";
        assertEquals(new FeatureHasher(1 << 20).counts(text, 0, text.length()),
                new FeatureHasher(1 << 20).counts(text, 0, text.length()));
    }

    @Test
    void bucketsStayInRangeAndDifferentFeaturesUsuallyDiffer() {
        FeatureHasher hasher = new FeatureHasher(1000);
        for (String feature : new String[] {"w:fiebre", "w:tos", "c: fi", "b:derrame pleural"}) {
            int bucket = hasher.bucket(feature);
            assertTrue(bucket >= 0 && bucket < 1000);
        }
        assertNotEquals(new FeatureHasher(1 << 20).bucket("w:fiebre"), new FeatureHasher(1 << 20).bucket("w:fiebres"));
    }

    @Test
    void foldsCaseAndAccents() {
        FeatureHasher hasher = new FeatureHasher(1 << 20);
        assertEquals(hasher.counts("Tórax", 0, 5), hasher.counts("torax", 0, 5));
    }

    @Test
    void countsWordsBigramsAndCharacterGrams() {
        FeatureHasher hasher = new FeatureHasher(1 << 24);
        Map<Integer, Integer> counts = hasher.counts("tos tos", 0, 7);
        assertEquals(2, counts.get(hasher.bucket("w:tos")));
        assertEquals(1, counts.get(hasher.bucket("b:tos tos")));
        assertEquals(2, counts.get(hasher.bucket("c: tos ")));
    }

    @Test
    void documentVectorIsTheSumOfItsSentenceVectors() {
        String text = "Fiebre alta. Tos seca.\nDolor de fiebre.";
        DocumentFeatures features = DocumentFeatures.of(text, new FeatureHasher(1 << 20));
        assertEquals(3, features.sentences().size());
        Map<Integer, Integer> summed = new java.util.HashMap<>();
        features.sentenceCounts().forEach(c -> c.forEach((b, n) -> summed.merge(b, n, Integer::sum)));
        assertEquals(features.documentCounts(), summed);
    }

    @Test
    void streamedBucketsEqualTheBucketsOfTheFeatureStrings() {
        // Accents, upper case, digits and one-letter words: the streamed hashes must match the string hashes.
        String text = "Derrame PLEURAL bilateral, 39 ºC y tórax normal; a";
        FeatureHasher hasher = new FeatureHasher(1 << 20);
        List<Integer> expected = new ArrayList<>();
        String previous = null;
        for (TextFolding.Token token : TextFolding.tokens(text)) {
            String word = token.folded();
            expected.add(hasher.bucket("w:" + word));
            if (previous != null) {
                expected.add(hasher.bucket("b:" + previous + " " + word));
            }
            String padded = " " + word + " ";
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    expected.add(hasher.bucket("c:" + padded.substring(i, i + n)));
                }
            }
            previous = word;
        }
        List<Integer> streamed = new ArrayList<>();
        hasher.forEachBucket(text, 0, text.length(), streamed::add);
        assertTrue(expected.size() > 40);
        assertEquals(expected, streamed);
    }

    @Test
    void asciiFastPathFoldsLikeTheFullFolding() {
        assertEquals("chest x ray 2", TextFolding.fold("Chest X ray 2"));
        assertEquals("torax", TextFolding.fold("TÓRAX"));
        assertEquals("lowercase", TextFolding.fold("lowercase"));
    }
}
