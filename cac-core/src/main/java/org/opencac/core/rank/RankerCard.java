package org.opencac.core.rank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The JSON model card shipped beside {@code ranker-<lang>.onnx}: what the model was trained on, its input
 * columns, the linear weights (for rationales), the isotonic calibration, the per-system cut-offs chosen on dev
 * (the engine's defaults) and the figures measured.
 *
 * @param columns     feature names in ONNX input-column order
 * @param weights     weight of each feature in the linear model (log-odds per unit)
 * @param thresholds  default confidence cut-off per code system display name ("ICD-10-CM", "ICD-10-PCS")
 * @param classifierTopK how many of the document classifier's best codes become candidates
 * @param training    free-form facts about the training run
 * @param figures     free-form measured figures (dev, out-of-fold calibration)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankerCard(int format, String version, String language, List<String> columns,
                         Map<String, Double> weights, double bias, Calibration calibration,
                         Map<String, Double> thresholds, int classifierTopK, Map<String, Object> training,
                         Map<String, Object> figures) {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public double threshold(String systemDisplayName, double fallback) {
        return thresholds == null ? fallback : thresholds.getOrDefault(systemDisplayName, fallback);
    }

    public RankerCard withThresholds(Map<String, Double> newThresholds) {
        return new RankerCard(format, version, language, columns, weights, bias, calibration, newThresholds,
                classifierTopK, training, figures);
    }

    public RankerCard withFigures(Map<String, Object> newFigures) {
        return new RankerCard(format, version, language, columns, weights, bias, calibration, thresholds,
                classifierTopK, training, newFigures);
    }

    public static RankerCard read(InputStream in) throws IOException {
        return JSON.readValue(in, RankerCard.class);
    }

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }
}
