package org.opencac.core.pipeline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Note;
import org.opencac.core.model.Span;
import org.opencac.nlp.sections.Section;

/**
 * The note and every layer the stages have added so far. Immutable: a stage returns a new instance with its
 * layer set, so a stage cannot disturb what an earlier one produced.
 *
 * @param tokenSentence for each token, the index of the sentence that holds it
 */
public record AnalyzedNote(Note note, List<Span> sentences, List<Span> tokens, int[] tokenSentence,
                           List<Section> sections, List<Mention> mentions, List<CodeSuggestion> suggestions,
                           Set<Layer> layers) {

    public AnalyzedNote {
        layers = Set.copyOf(layers.isEmpty() ? EnumSet.noneOf(Layer.class) : EnumSet.copyOf(layers));
    }

    public static AnalyzedNote of(Note note) {
        return new AnalyzedNote(note, List.of(), List.of(), new int[0], List.of(), List.of(), List.of(), Set.of());
    }

    public String text() {
        return note.text();
    }

    public boolean has(Layer layer) {
        return layers.contains(layer);
    }

    private Set<Layer> plus(Layer... added) {
        EnumSet<Layer> all = layers.isEmpty() ? EnumSet.noneOf(Layer.class) : EnumSet.copyOf(layers);
        all.addAll(List.of(added));
        return all;
    }

    public AnalyzedNote withSentences(List<Span> newSentences) {
        return new AnalyzedNote(note, List.copyOf(newSentences), tokens, tokenSentence, sections, mentions,
                suggestions, plus(Layer.SENTENCES));
    }

    public AnalyzedNote withTokens(List<Span> newTokens, int[] newTokenSentence) {
        return new AnalyzedNote(note, sentences, List.copyOf(newTokens), newTokenSentence.clone(), sections,
                mentions, suggestions, plus(Layer.TOKENS));
    }

    public AnalyzedNote withSections(List<Section> newSections) {
        return new AnalyzedNote(note, sentences, tokens, tokenSentence, List.copyOf(newSections), mentions,
                suggestions, plus(Layer.SECTIONS));
    }

    public AnalyzedNote withMentions(List<Mention> newMentions, Layer... provided) {
        return new AnalyzedNote(note, sentences, tokens, tokenSentence, sections, List.copyOf(newMentions),
                suggestions, plus(provided));
    }

    public AnalyzedNote withSuggestions(List<CodeSuggestion> newSuggestions, Layer... provided) {
        return new AnalyzedNote(note, sentences, tokens, tokenSentence, sections, mentions,
                List.copyOf(newSuggestions), plus(provided));
    }

    @Override
    public String toString() {
        return "AnalyzedNote[" + note + ", sentences=" + sentences.size() + ", tokens=" + tokens.size()
                + ", mentions=" + mentions.size() + ", suggestions=" + suggestions.size() + "]";
    }
}
