package org.opencac.dictionaries;

/**
 * One phrase that names a code, with where it came from ({@link TermSources}). {@code weight} in 0..1 is
 * how strongly the phrase points to this code: 1 for official terms, the share of the phrase's
 * annotations for learned terms.
 */
public record DictionaryTerm(CodeSystem system, String code, String text, String source, double weight) {
}
