package org.opencac.nlp.corpus;

import org.opencac.nlp.text.TextSpan;

/**
 * One row of the NegEx/ConText test set: a condition inside a sentence with its gold context labels.
 *
 * @param conditionSpan where the condition was found in the sentence (case-insensitive), or null when absent
 */
public record NegExItem(String lineNumber, String condition, String sentence, TextSpan conditionSpan,
                        String negation, String temporality, String experiencer) {
    public boolean negated() {
        return negation.equalsIgnoreCase("negated");
    }

    public boolean historical() {
        return temporality.equalsIgnoreCase("historical");
    }

    /** The set calls hypothetical mentions "Not particular". */
    public boolean hypothetical() {
        return temporality.equalsIgnoreCase("hypothetical") || temporality.equalsIgnoreCase("not particular");
    }

    public boolean otherExperiencer() {
        return !experiencer.equalsIgnoreCase("patient");
    }
}
