package org.opencac.eval.codiesp;

import java.util.List;
import java.util.Optional;
import org.opencac.nlp.corpus.Prf;
import org.opencac.eval.metrics.ThresholdSweep;

/**
 * Everything a CodiEsp evaluation measured.
 *
 * @param references CodiEsp-X scores; empty when not applicable (English text has no offsets)
 * @param referenceSweep CodiEsp-X at each cut-off (empty when X is not applicable)
 * @param errors     false positives and false negatives of D and P at the configured cut-off
 */
public record CodiespScores(TrackScores diagnoses, TrackScores procedures, Optional<Prf> references,
                            List<ThresholdSweep.Point> referenceSweep, List<ErrorRow> errors, int documents) {
    public TrackScores track(CodeType type) {
        return type == CodeType.D ? diagnoses : procedures;
    }
}
