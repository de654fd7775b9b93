package org.opencac.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.InvalidProtocolBufferException;
import org.opencac.nlp.align.SentenceSplitter;
import org.opencac.nlp.align.TextFolding;
import org.opencac.nlp.text.TextSpan;

/**
 * Scores every code the document classifier knows for a whole note, with ONNX Runtime. Built once, thread-safe:
 * one ONNX Runtime session serves all threads. Evidence: the model is linear in features that never cross a
 * sentence, so each sentence's share of a code's score is exact; the sentences that raise it most are returned.
 * The document score comes from ONNX Runtime (one row per note); the sentences' shares are computed sparsely in
 * Java from the model's own weight matrix, only for the codes that need evidence, which is far cheaper than one
 * dense ONNX row per sentence (see {@code SparseEvidenceTest}: both give the same per-sentence scores).
 */
public final class DocumentClassifier implements AutoCloseable {
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final String GEMM = "Gemm";

    private final OrtSession session;
    private final String inputName;
    private final String language;
    private final FeatureHasher hasher;
    /** Hashed bucket to input column; read-only after construction, so shared by all threads. */
    private final IntIntTable columnOfBucket;
    private final int columns;
    private final List<String> labels;
    private final String[] systemOfLabel;
    private final String[] codeOfLabel;
    /**
     * The Gemm weight matrix transposed to one row per label, weightsByLabel[label * columns + column], so that a
     * label's evidence reads one compact row instead of one cache line per feature.
     */
    private final float[] weightsByLabel;
    private final float[] bias;

    private DocumentClassifier(OrtSession session, OnnxMl.ModelProto proto) throws OrtException {
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        Map<String, String> metadata = session.getMetadata().getCustomMetadata();
        this.language = metadata.get(ClassifierTrainer.META_LANGUAGE);
        this.hasher = new FeatureHasher(Integer.parseInt(metadata.get(ClassifierTrainer.META_BUCKETS)));
        String[] buckets = metadata.get(ClassifierTrainer.META_COLUMNS).split(",");
        this.columnOfBucket = new IntIntTable(buckets.length);
        for (int column = 0; column < buckets.length; column++) {
            columnOfBucket.put(Integer.parseInt(buckets[column]), column);
        }
        this.columns = buckets.length;
        this.labels = List.of(metadata.get(ClassifierTrainer.META_LABELS).split("\n"));
        this.systemOfLabel = new String[labels.size()];
        this.codeOfLabel = new String[labels.size()];
        for (int l = 0; l < labels.size(); l++) {
            systemOfLabel[l] = CodeLabels.system(labels.get(l));
            codeOfLabel[l] = CodeLabels.code(labels.get(l));
        }
        OnnxMl.NodeProto gemm = linearNode(proto.getGraph());
        float[] weights = floats(initializer(proto.getGraph(), gemm.getInput(1)), (long) columns * labels.size());
        this.weightsByLabel = new float[weights.length];
        for (int column = 0; column < columns; column++) {
            for (int label = 0; label < labels.size(); label++) {
                weightsByLabel[label * columns + column] = weights[column * labels.size() + label];
            }
        }
        this.bias = floats(initializer(proto.getGraph(), gemm.getInput(2)), labels.size());
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
            OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(onnx);
            OrtEnvironment environment = org.opencac.nlp.onnx.OnnxSessions.environment();
            return new DocumentClassifier(org.opencac.nlp.onnx.OnnxSessions.create(environment, onnx), proto);
        } catch (OrtException | InvalidProtocolBufferException e) {
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
        return classify(text, labels.size());
    }

    /**
     * Every known code with its score, best first; only the {@code evidenceCodes} best codes get their (up to two)
     * evidence sentences, the others an empty list. Callers that show evidence only for the top codes save the
     * per-sentence work for the rest.
     */
    public List<CodeScore> classify(String text, int evidenceCodes) {
        NoteFeatures features = features(text);
        float[] documentScores = runOneRow(features.documentRow);
        // Best first, ties by code; a stable sort of the labels in model order, as the scores were sorted before.
        Integer[] labelOfRank = new Integer[labels.size()];
        Arrays.setAll(labelOfRank, l -> l);
        Arrays.sort(labelOfRank, (a, b) -> {
            int byScore = Double.compare(documentScores[b], documentScores[a]);
            return byScore != 0 ? byScore : codeOfLabel[a].compareTo(codeOfLabel[b]);
        });
        double[] contributions = new double[features.sentences.size()];
        List<CodeScore> scores = new ArrayList<>(labels.size());
        for (int r = 0; r < labelOfRank.length; r++) {
            int label = labelOfRank[r];
            List<TextSpan> evidence = List.of();
            if (r < evidenceCodes && contributions.length > 0) {
                sentenceContributions(features, label, contributions);
                evidence = evidence(contributions, features.sentences);
            }
            scores.add(new CodeScore(systemOfLabel[label], codeOfLabel[label], documentScores[label], evidence));
        }
        return scores;
    }

    /**
     * Each sentence's share of one label's logit: the sum of weight x value over the sentence's model features.
     * A sentence raises the code exactly when its share is positive.
     */
    private void sentenceContributions(NoteFeatures features, int label, double[] contributions) {
        int row = label * columns;
        for (int s = 0; s < contributions.length; s++) {
            int[] sentenceColumns = features.sentenceColumns[s];
            float[] values = features.sentenceValues[s];
            double sum = 0;
            for (int i = 0; i < sentenceColumns.length; i++) {
                sum += (double) values[i] * weightsByLabel[row + sentenceColumns[i]];
            }
            contributions[s] = sum;
        }
    }

    /** The (at most two) sentences with the largest positive share, best first, earlier sentence on ties. */
    private static List<TextSpan> evidence(double[] contributions, List<TextSpan> sentences) {
        int best = -1;
        int second = -1;
        for (int s = 0; s < contributions.length; s++) {
            if (contributions[s] <= 0) {
                continue;
            }
            if (best < 0 || contributions[s] > contributions[best]) {
                second = best;
                best = s;
            } else if (second < 0 || contributions[s] > contributions[second]) {
                second = s;
            }
        }
        // Immutable lists: CodeScore keeps them without a copy.
        if (best < 0) {
            return List.of();
        }
        return second < 0 ? List.of(sentences.get(best)) : List.of(sentences.get(best), sentences.get(second));
    }

    /**
     * The model inputs of a note: its document row (counts over the document's L2 norm, as in training) and, per
     * sentence, the model columns it has with their values on the same scale, so that the sentence shares add up
     * to the document row.
     */
    private NoteFeatures features(String text) {
        List<TextSpan> sentences = SPLITTER.split(text);
        FeatureCollector collector = new FeatureCollector(sentences.size(), text.length());
        // The same buckets as FeatureHasher.forEachBucket, counted word by word: a word's own buckets are added to
        // the document counts once per distinct word (times its count), and only its model columns per occurrence.
        Map<String, WordFeatures> cache = wordFeaturesCache.get();
        Map<WordFeatures, int[]> wordCounts = new java.util.IdentityHashMap<>();
        for (int s = 0; s < sentences.size(); s++) {
            collector.startSentence(s);
            String previous = null;
            for (TextFolding.Token token : TextFolding.tokens(text, sentences.get(s).start(), sentences.get(s).end())) {
                String word = token.folded();
                WordFeatures features = cache.get(word);
                if (features == null) {
                    if (cache.size() >= MAX_CACHED_WORDS) {
                        cache.clear();
                    }
                    features = wordFeatures(word);
                    cache.put(word, features);
                }
                wordCounts.computeIfAbsent(features, k -> new int[1])[0]++;
                for (int column : features.columns()) {
                    collector.addColumn(column);
                }
                if (previous != null) {
                    collector.addBucket(hasher.bigramBucket(previous, word));
                }
                previous = word;
            }
        }
        wordCounts.forEach((features, count) -> {
            for (int bucket : features.buckets()) {
                collector.documentCounts.add(bucket, count[0]);
            }
        });
        double norm = Math.sqrt(collector.documentCounts.sumOfSquares());
        float[] documentRow = new float[columns];
        for (int column = 0; column < columns; column++) {
            if (collector.documentColumnCounts[column] > 0) {
                documentRow[column] = value(collector.documentColumnCounts[column], norm);
            }
        }
        int[][] sentenceColumns = new int[sentences.size()][];
        float[][] sentenceValues = new float[sentences.size()][];
        for (int s = 0; s < sentences.size(); s++) {
            int[] occurrences = Arrays.copyOf(collector.occurrences[s], collector.occurrenceCount[s]);
            Arrays.sort(occurrences);
            int distinct = 0;
            for (int i = 0; i < occurrences.length; i++) {
                if (i == 0 || occurrences[i] != occurrences[i - 1]) {
                    distinct++;
                }
            }
            sentenceColumns[s] = new int[distinct];
            sentenceValues[s] = new float[distinct];
            int d = -1;
            int count = 0;
            for (int i = 0; i < occurrences.length; i++) {
                if (i == 0 || occurrences[i] != occurrences[i - 1]) {
                    if (d >= 0) {
                        sentenceValues[s][d] = value(count, norm);
                    }
                    d++;
                    sentenceColumns[s][d] = occurrences[i];
                    count = 0;
                }
                count++;
            }
            if (d >= 0) {
                sentenceValues[s][d] = value(count, norm);
            }
        }
        return new NoteFeatures(sentences, documentRow, sentenceColumns, sentenceValues);
    }

    /** A count on the model's scale: count / document norm (0 for an empty document), as {@link DocumentFeatures}. */
    private static float value(int count, double norm) {
        return norm == 0 ? 0f : (float) (count / norm);
    }

    private record NoteFeatures(List<TextSpan> sentences, float[] documentRow, int[][] sentenceColumns,
                                float[][] sentenceValues) {
    }

    /** A word's own buckets and, among them, the model's columns (with repeats, in bucket order). */
    private record WordFeatures(int[] buckets, int[] columns) {
    }

    private WordFeatures wordFeatures(String word) {
        int[] buckets = hasher.wordBuckets(word);
        int[] columnsHit = new int[buckets.length];
        int hits = 0;
        for (int bucket : buckets) {
            int column = columnOfBucket.get(bucket, -1);
            if (column >= 0) {
                columnsHit[hits++] = column;
            }
        }
        return new WordFeatures(buckets, Arrays.copyOf(columnsHit, hits));
    }

    /** Words whose features each thread keeps; notes repeat most of their words. Cleared when full: simpler than
     * LRU, and the common words come back at once. */
    private static final int MAX_CACHED_WORDS = 8192;
    private final ThreadLocal<Map<String, WordFeatures>> wordFeaturesCache =
            ThreadLocal.withInitial(java.util.HashMap::new);

    /** Counts every bucket of the note (for the norm) and keeps, per sentence, the model columns it hits. */
    private final class FeatureCollector {
        final IntIntTable documentCounts;
        final int[] documentColumnCounts = new int[columns];
        final int[][] occurrences;
        final int[] occurrenceCount;
        private int sentence;

        FeatureCollector(int sentences, int textLength) {
            // About one distinct bucket per character of text: sized so the table rarely has to grow.
            documentCounts = new IntIntTable(Math.max(256, textLength));
            occurrences = new int[sentences][];
            occurrenceCount = new int[sentences];
        }

        void startSentence(int s) {
            sentence = s;
            occurrences[s] = new int[16];
        }

        /** One occurrence of a bucket in the current sentence. */
        void addBucket(int bucket) {
            documentCounts.add(bucket, 1);
            int column = columnOfBucket.get(bucket, -1);
            if (column >= 0) {
                addColumn(column);
            }
        }

        /** One occurrence of a model column in the current sentence (its bucket counted elsewhere). */
        void addColumn(int column) {
            documentColumnCounts[column]++;
            int[] list = occurrences[sentence];
            if (occurrenceCount[sentence] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                occurrences[sentence] = list;
            }
            list[occurrenceCount[sentence]++] = column;
        }
    }

    /** Raw model outputs for one input row; a flat buffer avoids ONNX Runtime's reflective float[][] copies. */
    private float[] runOneRow(float[] row) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(org.opencac.nlp.onnx.OnnxSessions.environment(),
                java.nio.FloatBuffer.wrap(row), new long[] {1, row.length});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            java.nio.FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] scores = new float[output.remaining()];
            output.get(scores);
            return scores;
        } catch (OrtException e) {
            throw new IllegalStateException("Document classifier failed", e);
        }
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

    /**
     * Per-sentence scores the slow way, for tests: one dense ONNX row per sentence (row 0: the empty document, i.e.
     * the bias only; then row 1 + s for sentence s), each sentence scaled by the document norm.
     */
    float[][] denseSentenceOutputs(String text) {
        NoteFeatures features = features(text);
        float[][] input = new float[1 + features.sentences.size()][columns];
        for (int s = 0; s < features.sentences.size(); s++) {
            for (int i = 0; i < features.sentenceColumns[s].length; i++) {
                input[1 + s][features.sentenceColumns[s][i]] = features.sentenceValues[s][i];
            }
        }
        return run(input);
    }

    /** Per-sentence logits the fast way, for tests: bias + the sparse share of each sentence, [sentence][label]. */
    double[][] sparseSentenceLogits(String text) {
        NoteFeatures features = features(text);
        double[][] logits = new double[features.sentences.size()][labels.size()];
        double[] contributions = new double[features.sentences.size()];
        for (int l = 0; l < labels.size(); l++) {
            sentenceContributions(features, l, contributions);
            for (int s = 0; s < contributions.length; s++) {
                logits[s][l] = bias[l] + contributions[s];
            }
        }
        return logits;
    }

    /** The sentences of text as the classifier splits them. */
    static List<TextSpan> sentences(String text) {
        return SPLITTER.split(text);
    }

    /** The input column of a hashed bucket, or -1 when the model does not use it. */
    int columnOf(int bucket) {
        return columnOfBucket.get(bucket, -1);
    }

    int columns() {
        return columns;
    }

    /** The model's input row for a whole text and its bucket-to-column map, for tests. */
    float[] documentRow(String text) {
        return features(text).documentRow;
    }

    int columnOfBucket(int bucket) {
        return columnOfBucket.get(bucket, -1);
    }

    FeatureHasher hasher() {
        return hasher;
    }

    /** The model's single linear layer (Gemm: input x weights + bias, neither transposed nor scaled). */
    private static OnnxMl.NodeProto linearNode(OnnxMl.GraphProto graph) {
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals(GEMM)) {
                for (OnnxMl.AttributeProto attribute : node.getAttributeList()) {
                    boolean neutral = switch (attribute.getName()) {
                        case "alpha", "beta" -> attribute.getF() == 1f;
                        case "transA", "transB" -> attribute.getI() == 0;
                        default -> false;
                    };
                    if (!neutral) {
                        throw new IllegalStateException("Unexpected Gemm attribute " + attribute.getName());
                    }
                }
                return node;
            }
        }
        throw new IllegalStateException("The document classifier model has no Gemm node");
    }

    private static OnnxMl.TensorProto initializer(OnnxMl.GraphProto graph, String name) {
        for (OnnxMl.TensorProto tensor : graph.getInitializerList()) {
            if (tensor.getName().equals(name)) {
                return tensor;
            }
        }
        throw new IllegalStateException("The document classifier model has no initializer " + name);
    }

    private static float[] floats(OnnxMl.TensorProto tensor, long expected) {
        if (tensor.getDataType() != OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalStateException("Initializer " + tensor.getName() + " is not float");
        }
        float[] values;
        if (!tensor.getRawData().isEmpty()) {
            ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            values = new float[raw.remaining() / Float.BYTES];
            raw.asFloatBuffer().get(values);
        } else {
            values = new float[tensor.getFloatDataCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = tensor.getFloatData(i);
            }
        }
        if (values.length != expected) {
            throw new IllegalStateException("Initializer " + tensor.getName() + " has " + values.length
                    + " values, expected " + expected);
        }
        return values;
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
