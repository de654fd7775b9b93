package org.opencac.nlp.classify;

import java.util.List;

import org.opencac.nlp.text.TextSpan;

/**
 * One code proposed for a whole document.
 *
 * @param system        "ICD-10-CM" or "ICD-10-PCS"
 * @param code          canonical upper-case code: CM dotted ("E11.9"), PCS 7 characters or a 4-character prefix
 * @param score         the classifier's probability-like score in [0, 1]; comparable across codes of one model
 * @param evidenceSpans the sentences (offsets into the classified text) that raised this score most, best first
 */
public record CodeScore(String system, String code, double score, List<TextSpan> evidenceSpans) {
    public static final String ICD10CM = "ICD-10-CM";
    public static final String ICD10PCS = "ICD-10-PCS";

    public CodeScore {
        evidenceSpans = List.copyOf(evidenceSpans);
    }
}
