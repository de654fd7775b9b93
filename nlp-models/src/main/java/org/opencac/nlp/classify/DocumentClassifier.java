package org.opencac.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.opencac.nlp.text.TextSpan;

/**
 * Scores every code the document classifier knows for a whole note, with ONNX Runtime. Built once, thread-safe:
 * one ONNX Runtime session serves all threads. Evidence: the model is linear in features that never cross a
 * sentence, so each sentence's share of a code's score is exact; the sentences that raise it most are returned.
 */
public final class DocumentClassifier implements AutoCloseable {
    /** At most this many sentences are given as evidence for one code. */
    private static final int MAX_EVIDENCE_SENTENCES = 2;

    private final OrtSession session;
    private final String inputName;
    private final String language;
    private final FeatureHasher hasher;
    private final Map<Integer, Integer> columnOfBucket;
    private final int columns;
    private final List<String> labels;

    private DocumentClassifier(OrtSession session) throws OrtException {
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        Map<String, String> metadata = session.getMetadata().getCustomMetadata();
        this.language = metadata.get(ClassifierTrainer.META_LANGUAGE);
        this.hasher = new FeatureHasher(Integer.parseInt(metadata.get(ClassifierTrainer.META_BUCKETS)));
        String[] buckets = metadata.get(ClassifierTrainer.META_COLUMNS).split(",");
        Map<Integer, Integer> columnMap = new HashMap<>();
        for (int column = 0; column < buckets.length; column++) {
            columnMap.put(Integer.parseInt(buckets[column]), column);
        }
        this.columnOfBucket = Map.copyOf(columnMap);
        this.columns = buckets.length;
        this.labels = List.of(metadata.get(ClassifierTrainer.META_LABELS).split("\n"));
    }

    /** The model shipped in this jar for "es" or "en". */
    public static DocumentClassifier loadBundled(String language) {
        if (!language.equals("es") && !language.equals("en")) {
            throw new IllegalArgumentException("No bundled document classifier for language " + language);
        }
        String resource = "/org/opencac/nlp/classify/codiesp-doc-classifier-" + language + ".onnx";
        try (InputStream in = DocumentClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocumentClassifier load(Path onnxFile) throws IOException {
        return fromBytes(Files.readAllBytes(onnxFile));
    }

    /** Loads an ONNX model written by {@link ClassifierTrainer}. */
    public static DocumentClassifier fromBytes(byte[] onnx) {
        try {
            OrtEnvironment environment = org.opencac.nlp.onnx.OnnxSessions.environment();
            return new DocumentClassifier(org.opencac.nlp.onnx.OnnxSessions.create(environment, onnx));
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load document classifier", e);
        }
    }

    public String language() {
        return language;
    }

    /** The labels of the model, in output order (see {@link CodeLabels}). */
    public List<String> labels() {
        return labels;
    }

    /** Every known code with its score, best first, each with up to two evidence sentences. */
    public List<CodeScore> classify(String text) {
        DocumentFeatures features = DocumentFeatures.of(text, hasher);
        int sentences = features.sentences().size();
        // Row 0: the document; row 1: the empty document (bias only); then one row per sentence, scaled like the
        // document, so a sentence raises a code exactly when its row scores above row 1.
        float[][] input = new float[2 + sentences][columns];
        fill(input[0], features.documentCounts(), features);
        for (int s = 0; s < sentences; s++) {
            fill(input[2 + s], features.sentenceCounts().get(s), features);
        }
        float[][] output = run(input);
        List<CodeScore> scores = new ArrayList<>(labels.size());
        for (int l = 0; l < labels.size(); l++) {
            String label = labels.get(l);
            scores.add(new CodeScore(CodeLabels.system(label), CodeLabels.code(label), output[0][l],
                    evidence(output, l, features.sentences())));
        }
        scores.sort(Comparator.comparingDouble(CodeScore::score).reversed().thenComparing(CodeScore::code));
        return scores;
    }

    private static List<TextSpan> evidence(float[][] output, int label, List<TextSpan> sentences) {
        float bias = output[1][label];
        Integer[] order = new Integer[sentences.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer s) -> -output[2 + s][label]));
        List<TextSpan> evidence = new ArrayList<>();
        for (int s : order) {
            if (evidence.size() == MAX_EVIDENCE_SENTENCES || output[2 + s][label] <= bias) {
                break;
            }
            evidence.add(sentences.get(s));
        }
        return evidence;
    }

    private void fill(float[] row, Map<Integer, Integer> counts, DocumentFeatures features) {
        counts.forEach((bucket, count) -> {
            Integer column = columnOfBucket.get(bucket);
            if (column != null) {
                row[column] = (float) features.value(count);
            }
        });
    }

    /** Raw model outputs (one row per input row, one column per label). */
    float[][] run(float[][] input) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(org.opencac.nlp.onnx.OnnxSessions.environment(), input);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("Document classifier failed", e);
        }
    }

    /** The input column of a hashed bucket, or -1 when the model does not use it. */
    int columnOf(int bucket) {
        return columnOfBucket.getOrDefault(bucket, -1);
    }

    int columns() {
        return columns;
    }

    FeatureHasher hasher() {
        return hasher;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
