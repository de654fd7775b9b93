package org.opencac.eval.codiesp;

/**
 * A false positive or false negative code of one document.
 *
 * @param confidence the candidate's confidence (FP), or NaN when the code was not predicted (FN)
 * @param evidence   predicted evidence text (FP) or gold evidence text from the X file (FN), " | " between pieces
 */
public record ErrorRow(String docId, Kind kind, CodeType type, String code, double confidence, String evidence) {
    public enum Kind { FP, FN }
}
