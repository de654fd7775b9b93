package org.opencac.eval.codiesp;

import java.util.List;
import java.util.Map;
import org.opencac.nlp.corpus.Prf;
import org.opencac.eval.metrics.ThresholdSweep;

/**
 * The scores of CodiEsp-D or CodiEsp-P.
 *
 * @param codes        document-level code sets at the configured cut-off, micro averaged
 * @param map          mean average precision over the full ranked lists, averaged over documents with gold codes
 * @param categories   the same at category level (first three characters)
 * @param byGroup      per ICD-10-CM chapter (D) or PCS section (P), in group order
 * @param sweep        code-set scores at cut-offs 0.00 .. 1.00 over the ranked lists
 * @param documentsWithGold documents that count for MAP
 * @param prefix4Codes like {@code codes}, but a 7-character PCS prediction also matches a gold code written with
 *                     only its first four axes (CodiEsp gold has many, e.g. "bn20"); equals {@code codes} for D
 */
public record TrackScores(CodeType type, Prf codes, double map, Prf categories, Map<String, Prf> byGroup,
                          List<ThresholdSweep.Point> sweep, int documentsWithGold,
                          Prf prefix4Codes) {
}
