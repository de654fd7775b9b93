package org.opencac.nlp.classify;

import java.util.Set;

/** A training document: its text and its labels (see {@link CodeLabels}). */
public record LabelledDocument(String text, Set<String> labels) {
    public LabelledDocument {
        labels = Set.copyOf(labels);
    }
}
