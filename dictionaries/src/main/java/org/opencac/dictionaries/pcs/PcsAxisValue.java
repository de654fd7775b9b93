package org.opencac.dictionaries.pcs;

/** One character of an ICD-10-PCS code explained: axis position 1..7, axis title, the value and its label. */
public record PcsAxisValue(int position, String axisTitle, char value, String label) {
}
