package org.opencac.eval.codiesp;

/**
 * A stretch of a CodiEsp text in Unicode code points (end exclusive), the unit the official offsets use.
 *
 * @param text the text it covers (may be empty when unknown)
 */
public record TextSpan(int start, int end, String text) {
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
        }
    }

    /** Converts a UTF-16 range of a Java string into code points. */
    public static TextSpan fromUtf16(String documentText, int charStart, int charEnd) {
        int start = documentText.codePointCount(0, charStart);
        int end = start + documentText.codePointCount(charStart, charEnd);
        return new TextSpan(start, end, documentText.substring(charStart, charEnd));
    }

    /**
     * True when this predicted span covers the gold span with at most {@code slack} characters more on each side
     * (CodiEsp-X rule: 0 <= gold start - predicted start <= slack and 0 <= predicted end - gold end <= slack).
     */
    public boolean coversWithSlack(TextSpan gold, int slack) {
        int before = gold.start - start;
        int after = end - gold.end;
        return before >= 0 && before <= slack && after >= 0 && after <= slack;
    }
}
