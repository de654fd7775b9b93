package org.opencac.core.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.core.model.Context;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.nlp.context.ContextAnalyzer;
import org.opencac.nlp.context.ContextFlags;
import org.opencac.nlp.context.ContextResult;
import org.opencac.nlp.context.TriggerHit;
import org.opencac.nlp.sections.Section;
import org.opencac.nlp.sections.SectionType;
import org.opencac.nlp.text.TextSpan;

/**
 * Gives every mention its clinical context: the sentence-level ConText analysis, plus what the section says
 * (a condition under Family History is the family's; under Past Medical History it is historical).
 */
public final class ContextStage implements Stage {
    private final ContextAnalyzer analyzer;

    public ContextStage(ContextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public String name() {
        return "context";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.TOKENS, Layer.SECTIONS, Layer.MENTIONS);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.CONTEXT);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        List<Mention> mentions = note.mentions();
        Map<Integer, List<Integer>> mentionsBySentence = new LinkedHashMap<>();
        for (int m = 0; m < mentions.size(); m++) {
            int sentence = sentenceIndex(note.sentences(), mentions.get(m).span());
            mentionsBySentence.computeIfAbsent(sentence, k -> new ArrayList<>()).add(m);
        }
        Mention[] result = mentions.toArray(new Mention[0]);
        for (Map.Entry<Integer, List<Integer>> entry : mentionsBySentence.entrySet()) {
            int sentenceIndex = entry.getKey();
            if (sentenceIndex < 0) {
                continue;
            }
            Span sentence = withoutHeading(note.sentences().get(sentenceIndex), note.sections());
            List<TextSpan> sentenceTokens = tokensOf(note, sentenceIndex);
            sentenceTokens.removeIf(token -> token.start() < sentence.start());
            List<TextSpan> targets = new ArrayList<>();
            for (int m : entry.getValue()) {
                Span span = mentions.get(m).span();
                targets.add(new TextSpan(span.start(), span.end()));
            }
            List<ContextResult> contexts = analyzer.analyze(note.text(),
                    new TextSpan(sentence.start(), sentence.end()), sentenceTokens, targets);
            for (int i = 0; i < targets.size(); i++) {
                int m = entry.getValue().get(i);
                result[m] = mentions.get(m).withContext(combine(contexts.get(i), mentions.get(m).section()));
            }
        }
        for (int m = 0; m < result.length; m++) {
            if (result[m].context() == Context.AFFIRMED) {
                result[m] = result[m].withContext(combine(null, result[m].section()));
            }
        }
        return note.withMentions(List.of(result), Layer.CONTEXT);
    }

    static Context combine(ContextResult sentenceContext, String section) {
        ContextFlags flags = sentenceContext == null ? ContextFlags.AFFIRMED : sentenceContext.flags();
        List<String> triggers = new ArrayList<>();
        if (sentenceContext != null) {
            for (TriggerHit hit : sentenceContext.triggers()) {
                triggers.add(hit.category() + ": " + hit.phrase());
            }
        }
        boolean family = flags.family() || SectionType.FAMILY_HISTORY.name().equals(section);
        boolean historical = flags.historical() || SectionType.PAST_MEDICAL_HISTORY.name().equals(section)
                || SectionType.PAST_SURGICAL_HISTORY.name().equals(section);
        if (family && !flags.family()) {
            triggers.add("section: family history");
        }
        if (historical && !flags.historical()) {
            triggers.add("section: past history");
        }
        return new Context(flags.negated(), flags.uncertain(), historical, flags.hypothetical(), family, triggers);
    }

    /**
     * A heading is not part of the statement after it: "HISTORY OF PRESENT ILLNESS: COPD" must not make COPD
     * historical. When a section's heading starts the sentence, the sentence is analysed from the body on.
     */
    static Span withoutHeading(Span sentence, List<Section> sections) {
        for (Section section : sections) {
            if (section.bodyStart() > sentence.start() && section.start() < sentence.end()
                    && section.start() >= sentence.start() && section.bodyStart() < sentence.end()) {
                return new Span(section.bodyStart(), sentence.end());
            }
        }
        return sentence;
    }

    /** The sentence's tokens; token owners are in sentence order, so a binary search finds the first. */
    private static List<TextSpan> tokensOf(AnalyzedNote note, int sentenceIndex) {
        int[] owner = note.tokenSentence();
        int low = 0;
        int high = owner.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (owner[mid] < sentenceIndex) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<TextSpan> tokens = new ArrayList<>();
        for (int t = low; t < owner.length && owner[t] == sentenceIndex; t++) {
            Span token = note.tokens().get(t);
            tokens.add(new TextSpan(token.start(), token.end()));
        }
        return tokens;
    }

    /** The sentence that contains the mention's start, or -1. Sentences are sorted and disjoint. */
    static int sentenceIndex(List<Span> sentences, Span mention) {
        int low = 0;
        int high = sentences.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Span sentence = sentences.get(mid);
            if (mention.start() < sentence.start()) {
                high = mid - 1;
            } else if (mention.start() >= sentence.end()) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
