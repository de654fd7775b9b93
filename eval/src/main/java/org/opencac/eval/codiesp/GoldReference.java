package org.opencac.eval.codiesp;

/**
 * One row of a CodiEsp X file: a code with the text that supports it.
 *
 * @param span  from the first start to the last end of the (possibly discontinuous) reference
 * @param rawOffsets the offsets exactly as written in the file, e.g. "307 316;348 361"
 */
public record GoldReference(CodeKey key, String evidence, TextSpan span, String rawOffsets) {
}
