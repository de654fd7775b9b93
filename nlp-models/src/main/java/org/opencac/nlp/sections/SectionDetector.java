package org.opencac.nlp.sections;

import java.util.List;

/** Finds section headings. Thread-safe. */
public interface SectionDetector {
    /** Sections covering the whole text in order, the first one OTHER when the text does not start with a heading. */
    List<Section> detect(String text);
}
