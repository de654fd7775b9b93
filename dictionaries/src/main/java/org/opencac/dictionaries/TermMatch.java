package org.opencac.dictionaries;

/**
 * One dictionary hit in a text: the character span [start, end) of the evidence in the original text,
 * the code it points to, the dictionary term that matched and where that term came from
 * (for example "tabular-title", "index", "codiesp-train"), and a match quality in 0..1
 * (1 = exact term, lower for re-ordered or partial matches).
 */
public record TermMatch(int start, int end, CodeSystem system, String code, String term, String termSource,
                        double score, String release) {
}
