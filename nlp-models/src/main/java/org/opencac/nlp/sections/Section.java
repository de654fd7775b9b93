package org.opencac.nlp.sections;

/** A section [start, end) of a note; the heading, if any, occupies [start, bodyStart). */
public record Section(int start, int end, int bodyStart, SectionType type, String heading) {
}
