package org.opencac.eval.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencac.core.CodingResult;
import org.opencac.core.NoteCoder;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Note;
import org.opencac.eval.codiesp.CodeType;
import org.opencac.eval.codiesp.GoldReference;

/**
 * BASELINE, not the product: a reference predictor that validates the CodiEsp metric code against published
 * figures. It looks up every evidence string of a training X file in the note (case-insensitive, whole words,
 * longest strings first, no overlaps) and proposes each code that string was given in training. Codes rank by how
 * often a matched string was coded with them in training (best string wins). The count n is turned into the
 * confidence n / (n + 1), which keeps that order and stays within 0..1: 0.5 for one training example, 0.67 for two.
 */
public final class TrainLookupBaseline implements NoteCoder {
    private static final class TrieNode {
        final Map<Character, TrieNode> children = new HashMap<>();
        String term;
    }

    /** How often one training string was coded with one code. */
    private record CodeCount(CodeType type, String code, int count) {
    }

    private record Match(int start, int end, String term) {
        int length() {
            return end - start;
        }
    }

    private final TrieNode root = new TrieNode();
    private final Map<String, List<CodeCount>> codesByTerm;
    private final Map<String, Integer> occurrencesByTerm;
    private final double threshold;

    private TrainLookupBaseline(Map<String, List<CodeCount>> codesByTerm, Map<String, Integer> occurrencesByTerm,
                                double threshold) {
        this.codesByTerm = codesByTerm;
        this.occurrencesByTerm = occurrencesByTerm;
        this.threshold = threshold;
        codesByTerm.keySet().forEach(this::addToTrie);
    }

    /** @param threshold candidates at or above it are suggestions; the rest are only ranked */
    public static TrainLookupBaseline fromReferences(List<GoldReference> trainReferences, double threshold) {
        Map<String, Map<String, CodeCount>> counts = new LinkedHashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (GoldReference reference : trainReferences) {
            String term = lowerCase(reference.evidence().trim());
            if (term.isEmpty()) {
                continue;
            }
            occurrences.merge(term, 1, Integer::sum);
            String codeId = reference.key().type() + "|" + reference.key().code();
            counts.computeIfAbsent(term, t -> new LinkedHashMap<>()).merge(codeId,
                    new CodeCount(reference.key().type(), reference.key().code(), 1),
                    (a, b) -> new CodeCount(a.type(), a.code(), a.count() + b.count()));
        }
        Map<String, List<CodeCount>> codesByTerm = new HashMap<>();
        counts.forEach((term, byCode) -> codesByTerm.put(term, List.copyOf(byCode.values())));
        return new TrainLookupBaseline(codesByTerm, occurrences, threshold);
    }

    public int termCount() {
        return codesByTerm.size();
    }

    @Override
    public CodingResult code(Note note) {
        String text = note.text();
        Map<String, CodeSuggestion> bestByCode = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidenceByCode = new HashMap<>();
        for (Match match : matches(text)) {
            int occurrences = occurrencesByTerm.get(match.term());
            for (CodeCount codeCount : codesByTerm.get(match.term())) {
                String codeId = codeCount.type() + "|" + codeCount.code();
                evidenceByCode.computeIfAbsent(codeId, id -> new ArrayList<>())
                        .add(Evidence.of(text, match.start(), match.end()));
                double confidence = countToConfidence(codeCount.count());
                CodeSuggestion current = bestByCode.get(codeId);
                if (current == null || confidence > current.confidence()) {
                    bestByCode.put(codeId, new CodeSuggestion(codeCount.type().codeSystem(),
                            codeCount.code().toUpperCase(Locale.ROOT), null, confidence, List.of(), null,
                            "train-lookup " + codeCount.count() + "/" + occurrences, "train-lookup-baseline",
                            "train"));
                }
            }
        }
        List<CodeSuggestion> ranked = new ArrayList<>();
        bestByCode.forEach((codeId, s) -> ranked.add(new CodeSuggestion(s.codeSystem(), s.code(), null,
                s.confidence(), evidenceByCode.get(codeId), null, s.rationale(), s.stage(), s.version())));
        ranked.sort(Comparator.comparingDouble(CodeSuggestion::confidence).reversed()
                .thenComparing(CodeSuggestion::code));
        List<CodeSuggestion> suggestions = ranked.stream().filter(s -> s.confidence() >= threshold).toList();
        return new CodingResult(suggestions, ranked, List.of(), null);
    }

    /** Monotone in the count, so ranking by confidence is ranking by count. */
    static double countToConfidence(int count) {
        return count / (count + 1.0);
    }

    @Override
    public String version() {
        return "train-lookup-baseline";
    }

    /** Whole-word occurrences of training strings; longer ones are taken first and shorter ones may not overlap. */
    List<Match> matches(String text) {
        String lower = lowerCase(text);
        List<Match> all = new ArrayList<>();
        for (int start = 0; start < lower.length(); start++) {
            if (start > 0 && Character.isLetterOrDigit(lower.charAt(start - 1))) {
                continue;
            }
            TrieNode node = root;
            for (int i = start; i < lower.length() && node != null; i++) {
                node = node.children.get(lower.charAt(i));
                if (node != null && node.term != null
                        && (i + 1 == lower.length() || !Character.isLetterOrDigit(lower.charAt(i + 1)))) {
                    all.add(new Match(start, i + 1, node.term));
                }
            }
        }
        all.sort(Comparator.comparingInt(Match::length).reversed().thenComparingInt(Match::start));
        boolean[] taken = new boolean[lower.length()];
        List<Match> kept = new ArrayList<>();
        for (Match match : all) {
            if (isFree(taken, match)) {
                for (int i = match.start(); i < match.end(); i++) {
                    taken[i] = true;
                }
                kept.add(match);
            }
        }
        kept.sort(Comparator.comparingInt(Match::start));
        return kept;
    }

    private static boolean isFree(boolean[] taken, Match match) {
        for (int i = match.start(); i < match.end(); i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private void addToTrie(String term) {
        TrieNode node = root;
        for (int i = 0; i < term.length(); i++) {
            node = node.children.computeIfAbsent(term.charAt(i), c -> new TrieNode());
        }
        node.term = term;
    }

    /** Lower-cases one char at a time so that offsets into the lower-cased text equal those into the original. */
    static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            lower.append(Character.toLowerCase(text.charAt(i)));
        }
        return lower.toString();
    }
}
