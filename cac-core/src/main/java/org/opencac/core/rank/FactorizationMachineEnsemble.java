package org.opencac.core.rank;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Averages factorization machines exported by Tribuo into one ONNX model of the same graph.
 *
 * <p>A factorization machine's log-odds are {@code b + w·x + ½ Σ_f [(Σ_i v_if x_i)² − Σ_i v_if² x_i²]}. The mean of
 * K such sums is again one: bias and linear weights averaged, and the K factor matrices side by side, each scaled by
 * 1/√K (the interaction term is quadratic in the factors). So the ensemble costs one model call of a wider factor
 * matrix at run time, and its score is the sigmoid of the members' mean log-odds.
 */
final class FactorizationMachineEnsemble {
    // Initializer names of Tribuo 4.3's FMMultiLabelModel export (one output, one factor matrix).
    private static final String LINEAR = "fm_linear_weights_0";
    private static final String BIAS = "fm_biases_0";
    private static final String FACTORS = "fm_embedding_0_0";

    private FactorizationMachineEnsemble() {
    }

    static OnnxMl.ModelProto average(List<OnnxMl.ModelProto> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no models to average");
        }
        int k = members.size();
        OnnxMl.TensorProto firstFactors = initializer(members.get(0), FACTORS);
        int rows = (int) firstFactors.getDims(0); // one per input column
        int rank = (int) firstFactors.getDims(1);
        double[] linear = new double[rows]; // one output: a weight per input column and one bias
        double[] bias = new double[1];
        float[] factors = new float[rows * rank * k];
        double factorScale = 1 / Math.sqrt(k);
        for (int m = 0; m < k; m++) {
            OnnxMl.ModelProto member = members.get(m);
            addScaled(linear, floats(initializer(member, LINEAR)), 1.0 / k);
            addScaled(bias, floats(initializer(member, BIAS)), 1.0 / k);
            OnnxMl.TensorProto memberFactors = initializer(member, FACTORS);
            if (memberFactors.getDims(0) != rows || memberFactors.getDims(1) != rank) {
                throw new IllegalArgumentException("members differ in factor matrix shape");
            }
            float[] v = floats(memberFactors);
            for (int i = 0; i < rows; i++) {
                for (int f = 0; f < rank; f++) {
                    factors[i * rank * k + m * rank + f] = (float) (v[i * rank + f] * factorScale);
                }
            }
        }
        OnnxMl.GraphProto.Builder graph = members.get(0).getGraph().toBuilder();
        for (int t = 0; t < graph.getInitializerCount(); t++) {
            OnnxMl.TensorProto tensor = graph.getInitializer(t);
            switch (tensor.getName()) {
                case LINEAR -> graph.setInitializer(t, withFloats(tensor, toFloats(linear), tensor.getDimsList()));
                case BIAS -> graph.setInitializer(t, withFloats(tensor, toFloats(bias), tensor.getDimsList()));
                case FACTORS -> graph.setInitializer(t, withFloats(tensor, factors, List.of((long) rows, (long) rank * k)));
                default -> { }
            }
        }
        return members.get(0).toBuilder().setGraph(graph)
                .setDocString("Average of " + k + " factorization machines (the mean of their log-odds). First member: "
                        + members.get(0).getDocString())
                .build();
    }

    private static OnnxMl.TensorProto initializer(OnnxMl.ModelProto model, String name) {
        return model.getGraph().getInitializerList().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Tribuo factorization machine: no initializer "
                        + name));
    }

    /** A float tensor's values, whether Tribuo wrote them as raw little-endian bytes or as a float list. */
    private static float[] floats(OnnxMl.TensorProto tensor) {
        if (tensor.getDataType() != OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalArgumentException(tensor.getName() + " is not a float tensor");
        }
        if (!tensor.getRawData().isEmpty()) {
            ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[raw.remaining() / Float.BYTES];
            raw.asFloatBuffer().get(values);
            return values;
        }
        float[] values = new float[tensor.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.getFloatData(i);
        }
        return values;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static void addScaled(double[] sum, float[] values, double scale) {
        if (values.length != sum.length) {
            throw new IllegalArgumentException("a member is not a one-output factorization machine over the same input columns");
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i] * scale;
        }
    }

    private static OnnxMl.TensorProto withFloats(OnnxMl.TensorProto tensor, float[] values, List<Long> dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor.toBuilder().clearFloatData().clearDims().addAllDims(dims)
                .setRawData(ByteString.copyFrom(raw.array())).build();
    }
}
