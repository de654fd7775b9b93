package org.opencac.nlp.context;

/** The kinds of lexicon entries; the first five set a {@link ContextFlags} field. */
public enum ContextCategory {
    NEGATED,
    POSSIBLE,
    HISTORICAL,
    HYPOTHETICAL,
    /** Experiencer is not the patient (family member or other person). */
    FAMILY,
    /** Looks like a trigger but is not one ("no increase", "gram negative"); blocks the shorter trigger inside it. */
    PSEUDO,
    /** Ends the scope of triggers ("but", "however"). */
    TERMINATE
}
