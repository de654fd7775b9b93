package org.opencac.core.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankerTrainerTest {
    private static final List<String> NAMES = List.of("a", "b", "c");

    /** Rows where "a" makes a code likely and "b" unlikely; "c" is noise. */
    static double[][] rows(int n, Random random) {
        double[][] rows = new double[n][3];
        for (double[] row : rows) {
            row[0] = random.nextDouble();
            row[1] = random.nextDouble();
            row[2] = random.nextDouble() < 0.5 ? 0.0 : random.nextDouble();
        }
        return rows;
    }

    static boolean[] labels(double[][] rows, Random random) {
        boolean[] labels = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double logit = 4 * rows[i][0] - 4 * rows[i][1];
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return labels;
    }

    @Test
    void onnxScoresEqualTribuoScores() {
        onnxScoresEqualTribuoScores(RankerTrainer.Settings.defaults());
    }

    /** The one averaged ONNX model scores the sigmoid of the members' mean log-odds. */
    @Test
    void averagedFactorizationMachinesScoreTheMeanLogOdds() {
        onnxScoresEqualTribuoScores(RankerTrainer.Settings.defaults().withMembers(3));
    }

    @Test
    void ensembleMembersDifferAndTheirAverageDiffersFromEachMember() {
        Random random = new Random(3);
        double[][] x = rows(300, random);
        RankerTrainer.TrainedRanker trained = new RankerTrainer(RankerTrainer.Settings.defaults().withMembers(3))
                .train(x, labels(x, random), NAMES);
        assertEquals(3, trained.members().size());
        double[] probe = {0.7, 0.2, 0.4};
        double first = RankerTrainer.tribuoScore(trained.members().get(0), probe, NAMES);
        double second = RankerTrainer.tribuoScore(trained.members().get(1), probe, NAMES);
        assertNotEquals(first, second, 1e-6, "members are trained with different seeds");
        try (RankerModel onnx = RankerModel.fromBytes(trained.onnx(), NAMES)) {
            assertNotEquals(first, onnx.score(new double[][] {probe})[0], 1e-6);
        }
    }

    @Test
    void linearModelsAreNotAveraged() {
        assertThrows(IllegalArgumentException.class, () -> RankerTrainer.Settings.linear().withMembers(2));
    }

    @Test
    void linearModelOnnxScoresEqualTribuoScores() {
        onnxScoresEqualTribuoScores(RankerTrainer.Settings.linear());
    }

    /** Codes are likely when "a" and "b" are both present or both absent: no linear model can rank that. */
    @Test
    void factorizationMachineLearnsAPairInteraction() {
        Random random = new Random(9);
        double[][] x = new double[2000][3];
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextBoolean() ? 1 : 0;
            x[i][1] = random.nextBoolean() ? 1 : 0;
            x[i][2] = random.nextDouble();
            y[i] = (x[i][0] == x[i][1]) == (random.nextDouble() < 0.9);
        }
        double[][] probe = {{1, 1, 0.5}, {1, 0, 0.5}, {0, 1, 0.5}, {0, 0, 0.5}};
        RankerTrainer.TrainedRanker fm = new RankerTrainer(RankerTrainer.Settings.defaults()).train(x, y, NAMES);
        try (RankerModel onnx = RankerModel.fromBytes(fm.onnx(), NAMES)) {
            double[] s = onnx.score(probe);
            assertTrue(s[0] > s[1] && s[0] > s[2] && s[3] > s[1] && s[3] > s[2], java.util.Arrays.toString(s));
        }
    }

    private static void onnxScoresEqualTribuoScores(RankerTrainer.Settings settings) {
        Random random = new Random(3);
        double[][] x = rows(300, random);
        RankerTrainer.TrainedRanker trained = new RankerTrainer(settings)
                .train(x, labels(x, random), NAMES);
        double[][] probe = rows(20, new Random(11));
        try (RankerModel onnx = RankerModel.fromBytes(trained.onnx(), NAMES)) {
            double[] scores = onnx.score(probe);
            for (int i = 0; i < probe.length; i++) {
                assertEquals(RankerTrainer.tribuoScore(trained.members(), probe[i], NAMES), scores[i], 1e-5);
            }
        }
        assertTrue(trained.weights().get("a") > 0, "positive feature learned");
        assertTrue(trained.weights().get("b") < 0, "negative feature learned");
    }

    @Test
    void emptyBatchNeedsNoModelCall() {
        Random random = new Random(5);
        double[][] x = rows(50, random);
        RankerTrainer.TrainedRanker trained = new RankerTrainer(RankerTrainer.Settings.defaults())
                .train(x, labels(x, random), NAMES);
        try (RankerModel onnx = RankerModel.fromBytes(trained.onnx(), NAMES)) {
            assertEquals(0, onnx.score(new double[0][]).length);
        }
    }
}
