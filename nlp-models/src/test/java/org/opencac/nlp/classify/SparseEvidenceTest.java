package org.opencac.nlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencac.nlp.text.TextSpan;

/**
 * The classifier finds evidence sentences from sparse per-sentence shares computed in Java; this checks them
 * against the dense way (one ONNX Runtime row per sentence) on the bundled models, so the two cannot drift apart.
 */
class SparseEvidenceTest {
    private static final String ENGLISH = """
            A 67-year-old man with type 2 diabetes mellitus and arterial hypertension came with fever and cough.
            Chest X-ray showed a right lower lobe pneumonia with a small pleural effusion.
            He was treated with intravenous antibiotics. Blood cultures were negative.
            An abdominal CT scan showed a renal cyst. He was discharged on day 6 without fever.""";
    private static final String SPANISH = """
            Varón de 67 años con diabetes mellitus tipo 2 e hipertensión arterial que acude por fiebre y tos.
            La radiografía de tórax muestra una neumonía del lóbulo inferior derecho con derrame pleural.
            Se inicia tratamiento antibiótico intravenoso. Los hemocultivos fueron negativos.
            En la TC abdominal se observa un quiste renal. Alta al sexto día sin fiebre.""";

    @ParameterizedTest
    @CsvSource({"en", "es"})
    void sparseSentenceScoresEqualDenseOnnxScores(String language) {
        String note = language.equals("en") ? ENGLISH : SPANISH;
        try (DocumentClassifier classifier = DocumentClassifier.loadBundled(language)) {
            float[][] dense = classifier.denseSentenceOutputs(note);
            double[][] sparse = classifier.sparseSentenceLogits(note);
            int sentences = DocumentClassifier.sentences(note).size();
            assertTrue(sentences >= 6, "fixture should have several sentences, got " + sentences);
            assertEquals(sentences, sparse.length);
            int raised = 0;
            for (int s = 0; s < sentences; s++) {
                for (int l = 0; l < classifier.labels().size(); l++) {
                    assertEquals(dense[1 + s][l], sigmoid(sparse[s][l]), 1e-5, "sentence " + s + " label " + l);
                    if (dense[1 + s][l] > dense[0][l]) {
                        raised++;
                    }
                }
            }
            assertTrue(raised > 0, "some sentence should raise some code");
        }
    }

    @ParameterizedTest
    @CsvSource({"en", "es"})
    void evidenceIsTheSameAsFromDenseOnnxRows(String language) {
        String note = language.equals("en") ? ENGLISH : SPANISH;
        try (DocumentClassifier classifier = DocumentClassifier.loadBundled(language)) {
            float[][] dense = classifier.denseSentenceOutputs(note);
            List<TextSpan> sentences = DocumentClassifier.sentences(note);
            int withEvidence = 0;
            for (CodeScore score : classifier.classify(note)) {
                int label = classifier.labels().indexOf(CodeLabels.label(score.system(), score.code()));
                assertEquals(denseEvidence(dense, label, sentences), score.evidenceSpans(), score.code());
                withEvidence += score.evidenceSpans().isEmpty() ? 0 : 1;
            }
            assertTrue(withEvidence > 0);
        }
    }

    @ParameterizedTest
    @CsvSource({"en", "es"})
    void documentScoreIsBiasPlusTheSentenceShares(String language) {
        String note = language.equals("en") ? ENGLISH : SPANISH;
        try (DocumentClassifier classifier = DocumentClassifier.loadBundled(language)) {
            double[][] sparse = classifier.sparseSentenceLogits(note);
            float[][] dense = classifier.denseSentenceOutputs(note);
            for (CodeScore score : classifier.classify(note)) {
                int label = classifier.labels().indexOf(CodeLabels.label(score.system(), score.code()));
                double bias = logit(dense[0][label]);
                double logit = bias;
                for (double[] sentence : sparse) {
                    logit += sentence[label] - bias;
                }
                assertEquals(score.score(), sigmoid(logit), 1e-4, score.code());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"en", "es"})
    void onlyTheRequestedBestCodesGetEvidence(String language) {
        String note = language.equals("en") ? ENGLISH : SPANISH;
        try (DocumentClassifier classifier = DocumentClassifier.loadBundled(language)) {
            List<CodeScore> all = classifier.classify(note);
            List<CodeScore> top = classifier.classify(note, 5);
            assertEquals(all.size(), top.size());
            for (int r = 0; r < all.size(); r++) {
                assertEquals(all.get(r).code(), top.get(r).code());
                assertEquals(all.get(r).score(), top.get(r).score());
                assertEquals(r < 5 ? all.get(r).evidenceSpans() : List.of(), top.get(r).evidenceSpans());
            }
        }
    }

    /** The old way: sort the sentences by their dense row's score; keep those above the bias row, at most two. */
    private static List<TextSpan> denseEvidence(float[][] dense, int label, List<TextSpan> sentences) {
        Integer[] order = new Integer[sentences.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer s) -> -dense[1 + s][label]));
        List<TextSpan> evidence = new ArrayList<>();
        for (int s : order) {
            if (evidence.size() == 2 || dense[1 + s][label] <= dense[0][label]) {
                break;
            }
            evidence.add(sentences.get(s));
        }
        return evidence;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
