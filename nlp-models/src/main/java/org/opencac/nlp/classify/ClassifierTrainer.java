package org.opencac.nlp.classify;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import ai.onnx.proto.OnnxMl;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the multi-label document classifier with Tribuo (linear model, one sigmoid per label, binary
 * cross-entropy, AdaGrad) and exports it to ONNX. The ONNX file carries in its metadata what the run-time scorer
 * needs: the hashed bucket behind each input column and the label behind each output column.
 */
public final class ClassifierTrainer {
    static final String META_BUCKETS = "opencac.hash_buckets";
    static final String META_COLUMNS = "opencac.feature_columns";
    static final String META_LABELS = "opencac.labels";
    static final String META_LANGUAGE = "opencac.language";
    private static final String FEATURE_PREFIX = "h";

    /** Training settings. */
    public record Settings(int hashBuckets, int minLabelDocs, int featuresPerLabel, int minFeatureDocs, int epochs,
                           double learningRate, long seed) {
        public static Settings defaults() {
            return new Settings(1 << 20, 5, 12, 2, 25, 0.5, 42L);
        }
    }

    /** The trained Tribuo model and its ONNX export (with metadata). */
    public record TrainedClassifier(LinearSGDModel model, byte[] onnx, List<String> labels, int featureCount) {
    }

    private final Settings settings;

    public ClassifierTrainer(Settings settings) {
        this.settings = settings;
    }

    public TrainedClassifier train(List<LabelledDocument> documents, String language) {
        FeatureHasher hasher = new FeatureHasher(settings.hashBuckets());
        List<DocumentFeatures> features = documents.stream().map(d -> DocumentFeatures.of(d.text(), hasher)).toList();
        Set<String> labels = frequentLabels(documents);
        Set<Integer> kept = selectFeatures(documents, features, labels);

        MultiLabelFactory factory = new MultiLabelFactory();
        MutableDataset<MultiLabel> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("codiesp-" + language, OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory),
                factory);
        for (int i = 0; i < documents.size(); i++) {
            Set<Label> target = documents.get(i).labels().stream().filter(labels::contains).map(Label::new)
                    .collect(Collectors.toSet());
            ArrayExample<MultiLabel> example = toExample(new MultiLabel(target), features.get(i), kept);
            // A document with none of the selected features carries no signal (and Tribuo rejects it).
            if (example.size() > 0) {
                dataset.add(example);
            }
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new BinaryCrossEntropy(),
                new AdaGrad(settings.learningRate(), 1e-6), settings.epochs(), -1, 1, settings.seed());
        LinearSGDModel model = trainer.train(dataset);
        return export(model, language);
    }

    /** Builds the Tribuo example of a document, keeping only the selected buckets. */
    static ArrayExample<MultiLabel> toExample(MultiLabel output, DocumentFeatures features, Set<Integer> kept) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : features.documentCounts().entrySet()) {
            if (kept.contains(entry.getKey())) {
                names.add(featureName(entry.getKey()));
                values.add(features.value(entry.getValue()));
            }
        }
        return new ArrayExample<>(output, names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String featureName(int bucket) {
        return FEATURE_PREFIX + bucket;
    }

    private Set<String> frequentLabels(List<LabelledDocument> documents) {
        Map<String, Integer> docCounts = new HashMap<>();
        documents.forEach(d -> d.labels().forEach(l -> docCounts.merge(l, 1, Integer::sum)));
        return docCounts.entrySet().stream().filter(e -> e.getValue() >= settings.minLabelDocs())
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Keeps, for each label, the buckets whose presence rate in the label's documents most exceeds their rate in
     * all documents. This keeps the dense ONNX weight matrix small (a few thousand columns).
     */
    private Set<Integer> selectFeatures(List<LabelledDocument> documents, List<DocumentFeatures> features,
                                        Set<String> labels) {
        Map<Integer, Integer> docFrequency = new HashMap<>();
        features.forEach(f -> f.documentCounts().keySet().forEach(b -> docFrequency.merge(b, 1, Integer::sum)));
        double total = documents.size();
        Set<Integer> kept = new HashSet<>();
        for (String label : labels) {
            Map<Integer, Integer> positiveFrequency = new HashMap<>();
            int positives = 0;
            for (int i = 0; i < documents.size(); i++) {
                if (documents.get(i).labels().contains(label)) {
                    positives++;
                    features.get(i).documentCounts().keySet().forEach(b -> positiveFrequency.merge(b, 1, Integer::sum));
                }
            }
            int labelDocs = positives;
            positiveFrequency.entrySet().stream()
                    .filter(e -> docFrequency.get(e.getKey()) >= settings.minFeatureDocs() && e.getValue() >= 2)
                    .sorted(Comparator.comparingDouble((Map.Entry<Integer, Integer> e) ->
                                    e.getValue() / (double) labelDocs - docFrequency.get(e.getKey()) / total).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(settings.featuresPerLabel())
                    .forEach(e -> kept.add(e.getKey()));
        }
        return kept;
    }

    private TrainedClassifier export(LinearSGDModel model, String language) {
        int columns = model.getFeatureIDMap().size();
        int[] bucketOfColumn = new int[columns];
        for (int column = 0; column < columns; column++) {
            bucketOfColumn[column] = Integer.parseInt(model.getFeatureIDMap().get(column).getName().substring(FEATURE_PREFIX.length()));
        }
        int outputs = model.getOutputIDInfo().size();
        List<String> labelOfOutput = new ArrayList<>(outputs);
        for (int output = 0; output < outputs; output++) {
            labelOfOutput.add(model.getOutputIDInfo().getOutput(output).getLabelString());
        }
        OnnxMl.ModelProto proto = model.exportONNXModel("org.opencac.nlp.classify", 1L).toBuilder()
                .addMetadataProps(meta(META_LANGUAGE, language))
                .addMetadataProps(meta(META_BUCKETS, Integer.toString(settings.hashBuckets())))
                .addMetadataProps(meta(META_COLUMNS, java.util.Arrays.stream(bucketOfColumn)
                        .mapToObj(Integer::toString).collect(Collectors.joining(","))))
                .addMetadataProps(meta(META_LABELS, String.join("\n", labelOfOutput)))
                .build();
        return new TrainedClassifier(model, proto.toByteArray(), List.copyOf(labelOfOutput), columns);
    }

    private static OnnxMl.StringStringEntryProto meta(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
