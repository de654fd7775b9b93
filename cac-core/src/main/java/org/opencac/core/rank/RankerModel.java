package org.opencac.core.rank;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The exported ranker scored with ONNX Runtime: one session for the process (thread-safe), one batched call per
 * note. Input rows use the feature order of {@link CandidateFeatures#NAMES}; the ONNX metadata says which feature
 * each input column holds, so features the model never saw are simply left out.
 */
public final class RankerModel implements AutoCloseable {
    private final OrtSession session;
    private final String inputName;
    private final int[] featureOfColumn;
    private final List<String> columns;

    private RankerModel(OrtSession session, List<String> featureNames) throws OrtException {
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        String listed = session.getMetadata().getCustomMetadata().get(RankerTrainer.META_COLUMNS);
        if (listed == null) {
            throw new IllegalStateException("ONNX model has no " + RankerTrainer.META_COLUMNS + " metadata");
        }
        this.columns = List.of(listed.split(","));
        this.featureOfColumn = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            featureOfColumn[c] = featureNames.indexOf(columns.get(c));
            if (featureOfColumn[c] < 0) {
                throw new IllegalStateException("ranker input column '" + columns.get(c) + "' is not a known feature");
            }
        }
    }

    /** Loads a model written by {@link RankerTrainer}, whose rows follow {@code featureNames}. */
    public static RankerModel fromBytes(byte[] onnx, List<String> featureNames) {
        try {
            OrtEnvironment environment = org.opencac.nlp.onnx.OnnxSessions.environment();
            return new RankerModel(org.opencac.nlp.onnx.OnnxSessions.create(environment, onnx), featureNames);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load ranker model", e);
        }
    }

    public List<String> columns() {
        return columns;
    }

    /** The model's probability that each row's code is coded, in one ONNX Runtime call. */
    public double[] score(double[][] rows) {
        if (rows.length == 0) {
            return new double[0];
        }
        // One flat buffer in and out: ONNX Runtime's float[][] conversions walk the arrays by reflection, which
        // cost more than the model itself for a note's ~140 rows.
        int width = columns.size();
        java.nio.FloatBuffer input = java.nio.FloatBuffer.allocate(rows.length * width);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < featureOfColumn.length; c++) {
                input.put(r * width + c, (float) rows[r][featureOfColumn[c]]);
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(org.opencac.nlp.onnx.OnnxSessions.environment(), input,
                new long[] {rows.length, width});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            java.nio.FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            int outputs = output.capacity() / rows.length;
            double[] scores = new double[rows.length];
            Arrays.setAll(scores, r -> output.get(r * outputs));
            return scores;
        } catch (OrtException e) {
            throw new IllegalStateException("Ranker scoring failed", e);
        }
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
