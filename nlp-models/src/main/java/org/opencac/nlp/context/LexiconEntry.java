package org.opencac.nlp.context;

/**
 * One trigger-lexicon line.
 *
 * @param terminates for a TERMINATE entry, the category whose scope it ends, or null for every category
 */
public record LexiconEntry(String phrase, ContextCategory category, Direction direction, ContextCategory terminates) {
}
