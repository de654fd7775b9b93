package org.opencac.eval.codiesp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencac.core.CodingResult;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;

/**
 * What a coder proposed for one CodiEsp document: every candidate once, in the final ranking order.
 *
 * <p>Ranking order (used for the submission files and for MAP alike): higher confidence first; equal confidence
 * is broken by the code in alphabetical order, so that the order never depends on how the coder happened to list
 * ties. A code listed twice is merged into one candidate with the higher confidence and the evidence of both.
 */
public record DocumentPrediction(String docId, List<Candidate> ranked) {
    public static final Comparator<Candidate> RANKING = Comparator.comparingDouble(Candidate::confidence).reversed()
            .thenComparing(Candidate::code).thenComparing(Candidate::type);

    public DocumentPrediction {
        ranked = mergeAndSort(ranked);
    }

    /**
     * Reads a coding result: the ranked list plus any suggestion missing from it. ICD-10-CM becomes D, ICD-10-PCS
     * becomes P, other systems are dropped. Evidence offsets are converted to code points of {@code text}.
     */
    public static DocumentPrediction fromResult(String docId, String text, CodingResult result) {
        Set<String> suggested = new LinkedHashSet<>();
        for (CodeSuggestion suggestion : result.suggestions()) {
            CodeType.of(suggestion.codeSystem())
                    .ifPresent(type -> suggested.add(type + "|" + CodeKey.normalize(suggestion.code())));
        }
        List<Candidate> candidates = new ArrayList<>();
        List<CodeSuggestion> all = new ArrayList<>(result.ranked());
        all.addAll(result.suggestions());
        for (CodeSuggestion suggestion : all) {
            CodeType.of(suggestion.codeSystem()).ifPresent(type -> {
                String code = CodeKey.normalize(suggestion.code());
                List<TextSpan> evidence = new ArrayList<>();
                for (Evidence piece : suggestion.evidence()) {
                    evidence.add(TextSpan.fromUtf16(text, piece.start(), piece.end()));
                }
                candidates.add(new Candidate(type, code, suggestion.confidence(),
                        suggested.contains(type + "|" + code), evidence));
            });
        }
        return new DocumentPrediction(docId, candidates);
    }

    public List<Candidate> ranked(CodeType type) {
        return ranked.stream().filter(c -> c.type() == type).toList();
    }

    /** The candidates the pipeline outputs as configured, best first. */
    public List<Candidate> suggested(CodeType type) {
        return ranked.stream().filter(c -> c.type() == type && c.suggested()).toList();
    }

    private static List<Candidate> mergeAndSort(List<Candidate> candidates) {
        Map<String, Candidate> byCode = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            byCode.merge(candidate.type() + "|" + candidate.code(), candidate, DocumentPrediction::merge);
        }
        List<Candidate> sorted = new ArrayList<>(byCode.values());
        sorted.sort(RANKING);
        return List.copyOf(sorted);
    }

    private static Candidate merge(Candidate a, Candidate b) {
        Set<TextSpan> evidence = new LinkedHashSet<>(a.evidence());
        evidence.addAll(b.evidence());
        return new Candidate(a.type(), a.code(), Math.max(a.confidence(), b.confidence()),
                a.suggested() || b.suggested(), new ArrayList<>(evidence));
    }
}
