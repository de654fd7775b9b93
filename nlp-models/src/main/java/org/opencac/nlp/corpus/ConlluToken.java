package org.opencac.nlp.corpus;

/** One surface token of a CoNLL-U sentence: a plain word line, or the range line of a multiword token. */
public record ConlluToken(String form, boolean spaceAfter) {
}
