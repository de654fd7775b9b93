package org.opencac.eval.rank;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencac.core.rank.Calibration;
import org.opencac.core.rank.RankerCard;

/** Human-readable model card and calibration tables for the ranker. */
final class ModelCardText {
    private ModelCardText() {
    }

    static String calibrationTable(String title, List<Calibration.Bin> table) {
        StringBuilder text = new StringBuilder("calibration (" + title + ")\n  bin        n   mean conf  accuracy\n");
        for (Calibration.Bin bin : table) {
            text.append(String.format(Locale.ROOT, "  %.1f-%.1f %6d   %.3f      %.3f%n", bin.from(), bin.to(),
                    bin.count(), bin.meanConfidence(), bin.accuracy()));
        }
        text.append(String.format(Locale.ROOT, "  ECE %.4f%n", Calibration.expectedCalibrationError(table)));
        return text.toString();
    }

    static String markdown(RankerCard card, int rows, int onnxBytes) {
        StringBuilder md = new StringBuilder();
        md.append("# OpenCAC candidate ranker (").append(card.language()).append(")\n\n");
        md.append("Version `").append(card.version()).append("`. Scores every candidate code of a note (all dictionary")
                .append(" mentions incl. nested and negated, plus the document classifier's top ")
                .append(card.classifierTopK()).append(" codes) with a model trained with Tribuo (see learner below) and run with")
                .append(" ONNX Runtime; the score is mapped to a probability with an isotonic calibration fitted on")
                .append(" out-of-fold scores. Machine-readable card: `ranker-").append(card.language())
                .append(".json` (columns, linear weights, calibration, per-system cut-offs).\n\n");
        md.append("## Training\n\n");
        for (Map.Entry<String, Object> entry : card.training().entrySet()) {
            md.append("- ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
        }
        md.append(String.format(Locale.ROOT, "- ONNX size: %d bytes; rows: %d%n", onnxBytes, rows));
        md.append("\n## Features\n\n").append(String.join(", ", card.columns())).append("\n\n");
        md.append("## Cut-offs (confidence, chosen on dev, engine defaults)\n\n").append(card.thresholds()).append("\n\n");
        md.append("## Figures\n\n");
        for (Map.Entry<String, Object> entry : card.figures().entrySet()) {
            if (!(entry.getValue() instanceof List)) {
                md.append("- ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
            }
        }
        md.append("\nCodiEsp data: CC BY 4.0 (Miranda-Escalada et al., CLEF eHealth 2020).\n");
        return md.toString();
    }
}
