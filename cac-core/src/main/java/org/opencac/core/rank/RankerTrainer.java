package org.opencac.core.rank;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import ai.onnx.proto.OnnxMl;

/**
 * Trains the ranker with Tribuo: a linear model with one sigmoid output ("coded"), binary cross-entropy,
 * AdaGrad (that is, logistic regression), and exports it to ONNX. The ONNX metadata lists the feature behind
 * each input column, so the run-time scorer needs nothing else to build its input.
 */
public final class RankerTrainer {
    static final String META_COLUMNS = "opencac.ranker.columns";
    static final String LABEL = "coded";

    /** Training settings. */
    public record Settings(int epochs, double learningRate, long seed) {
        public static Settings defaults() {
            return new Settings(12, 0.2, 7L);
        }
    }

    /** The Tribuo model, its ONNX bytes, input columns, and weights by feature name (for rationales). */
    public record TrainedRanker(LinearSGDModel model, byte[] onnx, List<String> columns, Map<String, Double> weights,
                                double bias) {
    }

    private final Settings settings;

    public RankerTrainer(Settings settings) {
        this.settings = settings;
    }

    public TrainedRanker train(double[][] rows, boolean[] labels, List<String> names) {
        MultiLabelFactory factory = new MultiLabelFactory();
        MutableDataset<MultiLabel> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("opencac-ranker",
                OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory), factory);
        for (int i = 0; i < rows.length; i++) {
            MultiLabel target = labels[i] ? new MultiLabel(LABEL) : new MultiLabel(Set.of());
            dataset.add(example(target, rows[i], names));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new BinaryCrossEntropy(),
                new AdaGrad(settings.learningRate(), 1e-6), settings.epochs(), -1, 1, settings.seed());
        LinearSGDModel model = trainer.train(dataset);
        return export(model);
    }

    /** A Tribuo example holding the non-zero features of a row. */
    public static ArrayExample<MultiLabel> example(MultiLabel target, double[] row, List<String> names) {
        List<String> featureNames = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int c = 0; c < row.length; c++) {
            if (row[c] != 0.0) {
                featureNames.add(names.get(c));
                values.add(row[c]);
            }
        }
        return new ArrayExample<>(target, featureNames.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static TrainedRanker export(LinearSGDModel model) {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < model.getFeatureIDMap().size(); c++) {
            columns.add(model.getFeatureIDMap().get(c).getName());
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double bias = 0;
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
        for (Pair<String, Double> pair : top.getOrDefault(LABEL, List.of())) {
            if (pair.getA().equals(Model.BIAS_FEATURE)) {
                bias = pair.getB();
            } else {
                weights.put(pair.getA(), pair.getB());
            }
        }
        OnnxMl.ModelProto proto = model.exportONNXModel("org.opencac.core.rank", 1L).toBuilder()
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(META_COLUMNS)
                        .setValue(String.join(",", columns)).build())
                .build();
        return new TrainedRanker(model, proto.toByteArray(), List.copyOf(columns), weights, bias);
    }

    /** Tribuo's own probability of "coded" for a row (tests compare it with the ONNX score). */
    public static double tribuoScore(LinearSGDModel model, double[] row, List<String> names) {
        Map<String, MultiLabel> scores = model.predict(example(MultiLabelFactory.UNKNOWN_MULTILABEL, row, names))
                .getOutputScores();
        MultiLabel coded = scores.get(LABEL);
        if (coded == null) {
            return 0.0;
        }
        // Each per-label entry holds one Label carrying the sigmoid output.
        return coded.getLabelSet().iterator().next().getScore();
    }

}
