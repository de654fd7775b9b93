package org.opencac.nlp.corpus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencac.nlp.text.TextSpan;

/** Scoring helpers for sentence and token detection. */
public final class SpanScoring {
    private SpanScoring() {
    }

    /**
     * Sentence-boundary P/R/F1: a boundary is a sentence's end offset; a predicted boundary is correct when a gold
     * sentence ends at the same offset. Trailing white space is not part of a span, so ends are comparable. The end
     * of the last gold sentence (the end of the document, which every detector finds) is not scored.
     */
    public static Prf sentenceBoundaries(List<TextSpan> gold, List<TextSpan> predicted) {
        Set<Integer> goldEnds = new HashSet<>();
        gold.forEach(span -> goldEnds.add(span.end()));
        Set<Integer> predictedEnds = new HashSet<>();
        predicted.forEach(span -> predictedEnds.add(span.end()));
        gold.stream().mapToInt(TextSpan::end).max().ifPresent(documentEnd -> {
            goldEnds.remove(documentEnd);
            predictedEnds.remove(documentEnd);
        });
        return compare(goldEnds, predictedEnds);
    }

    /** Exact-match P/R/F1: a predicted span is correct when a gold span has the same start and end. */
    public static Prf exactSpans(List<TextSpan> gold, List<TextSpan> predicted) {
        return compare(new HashSet<>(gold), new HashSet<>(predicted));
    }

    private static <T> Prf compare(Set<T> gold, Set<T> predicted) {
        long truePositives = predicted.stream().filter(gold::contains).count();
        return new Prf(truePositives, predicted.size() - truePositives, gold.size() - truePositives);
    }
}
