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
import org.tribuo.multilabel.sgd.fm.FMMultiLabelModel;
import org.tribuo.multilabel.sgd.fm.FMMultiLabelTrainer;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import ai.onnx.proto.OnnxMl;

/**
 * Trains the ranker with Tribuo: by default the average of ten factorization machines (each a linear model plus
 * rank-8 pairwise feature interactions; on CodiEsp dev it ranked slightly better than logistic regression) with one
 * sigmoid output ("coded"), binary cross-entropy, AdaGrad, exported to one ONNX model. The card's weights are the
 * (averaged) linear part only. The ONNX metadata lists the feature behind each input column, so the run-time scorer
 * needs nothing else to build its input.
 */
public final class RankerTrainer {
    static final String META_COLUMNS = "opencac.ranker.columns";
    static final String LABEL = "coded";
    private static final String ONNX_DOMAIN = "org.opencac.core.rank";

    /**
     * Training settings; {@code factorDimensions} 0 trains plain logistic regression, more a factorization machine
     * with pairwise feature interactions of that rank. {@code members} factorization machines are trained with seeds
     * {@code seed, seed + 1, ...} and averaged into one (see {@link FactorizationMachineEnsemble}). Ten by default:
     * changing a single model's seed moved CodiEsp dev F1 by up to 0.006, more than most feature changes we compared;
     * two ten-member averages with different seeds differed by 0.0003 (D) and 0.0016 (P).
     */
    public record Settings(int epochs, double learningRate, long seed, int factorDimensions, int members) {
        public Settings {
            if (members < 1) {
                throw new IllegalArgumentException("members must be at least 1, not " + members);
            }
            if (members > 1 && factorDimensions == 0) {
                throw new IllegalArgumentException("only factorization machines are averaged (members > 1 needs factor dimensions)");
            }
        }

        public static Settings defaults() {
            return new Settings(12, 0.2, 7L, 8, 10);
        }

        /** Plain logistic regression with the default optimiser settings. */
        public static Settings linear() {
            Settings d = defaults();
            return new Settings(d.epochs(), d.learningRate(), d.seed(), 0, 1);
        }

        public Settings withMembers(int count) {
            return new Settings(epochs, learningRate, seed, factorDimensions, count);
        }

        /** The learner in words, for the model card. */
        public String describe() {
            String model = factorDimensions == 0 ? "Tribuo 4.3 multi-label LinearSGD"
                    : members == 1 ? "Tribuo 4.3 multi-label factorization machine (rank " + factorDimensions + ")"
                    : "average of " + members + " Tribuo 4.3 multi-label factorization machines (rank " + factorDimensions
                            + ", seeds " + seed + "-" + (seed + members - 1) + ")";
            return model + ", one sigmoid output, binary cross-entropy, AdaGrad (lr " + learningRate + ", epochs "
                    + epochs + ")";
        }
    }

    /**
     * The Tribuo models (one per ensemble member), the ONNX bytes of their average, input columns, and the averaged
     * linear weights by feature name (for rationales).
     */
    public record TrainedRanker(List<Model<MultiLabel>> members, byte[] onnx, List<String> columns,
                                Map<String, Double> weights, double bias) {
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
        if (settings.factorDimensions() == 0) {
            LinearSGDTrainer trainer = new LinearSGDTrainer(new BinaryCrossEntropy(),
                    new AdaGrad(settings.learningRate(), 1e-6), settings.epochs(), -1, 1, settings.seed());
            LinearSGDModel model = trainer.train(dataset);
            return export(List.of(model), model.exportONNXModel(ONNX_DOMAIN, 1L));
        }
        List<Model<MultiLabel>> members = new ArrayList<>();
        List<OnnxMl.ModelProto> exported = new ArrayList<>();
        for (int m = 0; m < settings.members(); m++) {
            FMMultiLabelTrainer trainer = new FMMultiLabelTrainer(new BinaryCrossEntropy(),
                    new AdaGrad(settings.learningRate(), 1e-6), settings.epochs(), -1, 1, settings.seed() + m,
                    settings.factorDimensions(), 0.1);
            FMMultiLabelModel model = trainer.train(dataset);
            members.add(model);
            exported.add(model.exportONNXModel(ONNX_DOMAIN, 1L));
        }
        return export(members, members.size() == 1 ? exported.get(0) : FactorizationMachineEnsemble.average(exported));
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

    private static TrainedRanker export(List<Model<MultiLabel>> members, OnnxMl.ModelProto exported) {
        List<String> columns = columns(members.get(0));
        Map<String, Double> weights = new LinkedHashMap<>();
        double bias = 0;
        for (Model<MultiLabel> member : members) {
            if (!columns(member).equals(columns)) {
                throw new IllegalStateException("ensemble members disagree on their input columns");
            }
            Map<String, List<Pair<String, Double>>> top = member.getTopFeatures(-1);
            for (Pair<String, Double> pair : top.getOrDefault(LABEL, List.of())) {
                double share = pair.getB() / members.size();
                if (pair.getA().equals(Model.BIAS_FEATURE)) {
                    bias += share;
                } else {
                    weights.merge(pair.getA(), share, Double::sum);
                }
            }
        }
        // Largest weights first, as Tribuo lists one model's.
        Map<String, Double> sorted = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        OnnxMl.ModelProto proto = exported.toBuilder()
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(META_COLUMNS)
                        .setValue(String.join(",", columns)).build())
                .build();
        return new TrainedRanker(List.copyOf(members), proto.toByteArray(), List.copyOf(columns), sorted, bias);
    }

    private static List<String> columns(Model<MultiLabel> model) {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < model.getFeatureIDMap().size(); c++) {
            columns.add(model.getFeatureIDMap().get(c).getName());
        }
        return columns;
    }

    /**
     * Tribuo's own probability of "coded" for a row: for an ensemble, the sigmoid of the members' mean log-odds, which
     * is what the averaged ONNX model computes (tests compare the two).
     */
    public static double tribuoScore(List<Model<MultiLabel>> members, double[] row, List<String> names) {
        double logOdds = 0;
        for (Model<MultiLabel> member : members) {
            double p = tribuoScore(member, row, names);
            logOdds += Math.log(p / (1 - p)) / members.size();
        }
        return 1 / (1 + Math.exp(-logOdds));
    }

    /** One Tribuo model's probability of "coded" for a row. */
    public static double tribuoScore(Model<MultiLabel> model, double[] row, List<String> names) {
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
