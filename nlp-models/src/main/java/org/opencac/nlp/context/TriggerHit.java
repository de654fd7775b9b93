package org.opencac.nlp.context;

import org.opencac.nlp.text.TextSpan;

/** A context trigger found in the text, e.g. "denies" (negation) or "history of" (historical). */
public record TriggerHit(TextSpan span, String category, String phrase) {
}
