package org.opencac.nlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencac.nlp.text.TextSpan;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

class DocumentClassifierTest {
    private static final String FEVER = CodeLabels.label(CodeScore.ICD10CM, "r50.9");
    private static final String FRACTURE = CodeLabels.label(CodeScore.ICD10CM, "s72.001a");
    private static final String XRAY = CodeLabels.label(CodeScore.ICD10PCS, "bw03zzz");
    private static final String[] FILLER = {"Sin antecedentes de interés.", "Acude a urgencias por la mañana.",
            "Vive con su familia.", "Exploración general sin hallazgos."};

    private static List<LabelledDocument> documents;
    private static ClassifierTrainer.TrainedClassifier trained;
    private static DocumentClassifier classifier;

    /** Small synthetic notes: each code has its own wording, mixed with neutral filler sentences. */
    @BeforeAll
    static void trainTinyModel() {
        documents = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            StringBuilder text = new StringBuilder(FILLER[i % FILLER.length]).append(' ');
            Set<String> labels = new java.util.HashSet<>();
            if (i % 2 == 0) {
                text.append("Presenta fiebre alta de 39 grados. ");
                labels.add(FEVER);
            }
            if (i % 3 == 0) {
                text.append("Se objetiva fractura de cadera derecha. ");
                labels.add(FRACTURE);
            }
            if (i % 4 == 1) {
                text.append("Se realiza radiografía de tórax. ");
                labels.add(XRAY);
            }
            text.append(FILLER[(i + 1) % FILLER.length]);
            documents.add(new LabelledDocument(text.toString(), labels));
        }
        ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(1 << 16, 3, 40, 1, 20, 0.5, 1L);
        trained = new ClassifierTrainer(settings).train(documents, "es");
        classifier = DocumentClassifier.fromBytes(trained.onnx());
    }

    @Test
    void onnxRuntimeScoresAgreeWithTribuo() {
        int compared = 0;
        for (LabelledDocument document : documents) {
            DocumentFeatures features = DocumentFeatures.of(document.text(), new FeatureHasher(1 << 16));
            boolean modelKnowsAFeature = features.documentCounts().keySet().stream()
                    .anyMatch(b -> trained.model().getFeatureIDMap().get(ClassifierTrainer.featureName(b)) != null);
            if (!modelKnowsAFeature) {
                continue; // Tribuo refuses to predict an example with no known feature
            }
            compared++;
            Prediction<MultiLabel> tribuo = trained.model().predict(ClassifierTrainer.toExample(
                    MultiLabelFactory.UNKNOWN_MULTILABEL, features, features.documentCounts().keySet()));
            Map<String, Double> onnx = new HashMap<>();
            classifier.classify(document.text()).forEach(s -> onnx.put(CodeLabels.label(s.system(), s.code()), s.score()));
            assertEquals(3, onnx.size());
            for (String label : trained.labels()) {
                double expected = tribuo.getOutputScores().get(label).getLabelScore(new Label(label)).orElseThrow();
                assertEquals(expected, onnx.get(label), 1e-5, label);
            }
        }
        assertTrue(compared >= documents.size() / 2, "compared only " + compared);
    }

    @Test
    void ranksTheRightCodeFirstOnAnUnseenNote() {
        String note = "Vive con su familia. Se objetiva fractura de cadera derecha. Sin antecedentes de interés.";
        CodeScore best = classifier.classify(note).get(0);
        assertEquals(CodeLabels.code(FRACTURE), best.code());
        assertEquals(CodeScore.ICD10CM, best.system());
    }

    @Test
    void evidenceSpansLieInsideTheTextAndPointAtTheDecisiveSentence() {
        String note = "Vive con su familia.\nSe realiza radiografía de tórax. Acude a urgencias por la mañana.";
        List<CodeScore> scores = classifier.classify(note);
        for (CodeScore score : scores) {
            for (TextSpan span : score.evidenceSpans()) {
                assertTrue(span.start() >= 0 && span.end() <= note.length() && span.start() < span.end());
            }
        }
        CodeScore xray = scores.stream().filter(s -> s.code().equals("BW03ZZZ")).findFirst().orElseThrow();
        assertFalse(xray.evidenceSpans().isEmpty());
        assertEquals("Se realiza radiografía de tórax.", xray.evidenceSpans().get(0).of(note));
    }

    @Test
    void scoresAreSortedBestFirst() {
        List<CodeScore> scores = classifier.classify("Presenta fiebre alta de 39 grados.");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1).score() >= scores.get(i).score());
        }
    }

    @Test
    void documentRowEqualsTheTrainingFeaturesOfTheText() {
        List<String> texts = new ArrayList<>();
        documents.forEach(d -> texts.add(d.text()));
        // Repeated words across sentences, a word as unigram and inside bigrams, accents and case, no words at all.
        texts.add("Fiebre alta. FIEBRE alta y fiebre. Fractura de cadera, fractura de tórax; tórax sin fiebre.");
        texts.add("... 39 39 39 !!");
        texts.add("");
        for (String text : texts) {
            DocumentFeatures training = DocumentFeatures.of(text, classifier.hasher());
            float[] expected = new float[classifier.documentRow(text).length];
            training.documentCounts().forEach((bucket, count) -> {
                int column = classifier.columnOfBucket(bucket);
                if (column >= 0) {
                    expected[column] = (float) training.value(count);
                }
            });
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, classifier.documentRow(text), text);
        }
    }
}
