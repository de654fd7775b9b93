package org.opencac.nlp.context;

/** The clinical context of one target mention, in the sense of ConText (Harkema et al. 2009). */
public record ContextFlags(boolean negated, boolean uncertain, boolean historical, boolean hypothetical,
                           boolean family) {
    public static final ContextFlags AFFIRMED = new ContextFlags(false, false, false, false, false);
}
