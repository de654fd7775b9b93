package org.opencac.eval.codiesp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.opencac.eval.metrics.AveragePrecision;
import org.opencac.nlp.corpus.Prf;
import org.opencac.eval.metrics.ThresholdSweep;

/**
 * Scores predictions against a CodiEsp gold standard.
 *
 * <ul>
 *   <li>D and P: micro precision/recall/F1 over (document, code) pairs; a code predicted twice counts once;
 *       predictions for documents without gold are false positives.</li>
 *   <li>MAP: see {@link AveragePrecision}, over each document's full ranked list in {@link DocumentPrediction}
 *       order, averaged over the documents with at least one gold code of that type.</li>
 *   <li>X: a predicted (document, code) is a true positive when one of its spans covers one gold reference of the
 *       same code with at most {@value #SLACK} characters slack on each side; each (document, code) counts
 *       once, on both the predicted and the gold side.</li>
 * </ul>
 */
public final class CodiespScorer {
    public static final int SLACK = 10;
    private static final int SWEEP_STEPS = 20;

    private CodiespScorer() {
    }

    /** @param scoreReferences false when the texts have no gold offsets (English) */
    public static CodiespScores score(CodiespGold gold, List<DocumentPrediction> predictions,
                                      boolean scoreReferences) {
        Set<String> documents = new LinkedHashSet<>(gold.documentIds());
        predictions.forEach(p -> documents.add(p.docId()));
        Map<CodeKey, List<TextSpan>> goldReferences = goldReferences(gold);

        List<ErrorRow> errors = new ArrayList<>();
        TrackScores diagnoses = scoreTrack(CodeType.D, gold, predictions, goldReferences, errors);
        TrackScores procedures = scoreTrack(CodeType.P, gold, predictions, goldReferences, errors);

        Optional<Prf> references = Optional.empty();
        List<ThresholdSweep.Point> referenceSweep = List.of();
        if (scoreReferences) {
            references = Optional.of(scoreReferences(predictions, goldReferences, Candidate::suggested));
            referenceSweep = ThresholdSweep.sweep(ThresholdSweep.cutOffs(SWEEP_STEPS), cutOff ->
                    scoreReferences(predictions, goldReferences,
                            c -> ThresholdSweep.passes(c.confidence(), cutOff)));
        }
        return new CodiespScores(diagnoses, procedures, references, referenceSweep, errors, documents.size());
    }

    private static TrackScores scoreTrack(CodeType type, CodiespGold gold, List<DocumentPrediction> predictions,
                                          Map<CodeKey, List<TextSpan>> goldReferences, List<ErrorRow> errors) {
        Set<CodeKey> goldKeys = gold.codes().stream().filter(k -> k.type() == type)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<CodeKey> predictedKeys = predictedKeys(predictions, type, Candidate::suggested);
        Prf codes = Prf.of(predictedKeys, goldKeys);
        Prf categories = Prf.of(categoryKeys(predictedKeys), categoryKeys(goldKeys));

        Map<String, List<String>> rankedByDocument = new HashMap<>();
        for (DocumentPrediction prediction : predictions) {
            rankedByDocument.put(prediction.docId(),
                    prediction.ranked(type).stream().map(Candidate::code).toList());
        }
        Map<String, Set<String>> goldByDocument = gold.codesByDocument(type);
        double map = AveragePrecision.mean(rankedByDocument, goldByDocument);

        List<ThresholdSweep.Point> sweep = ThresholdSweep.sweep(ThresholdSweep.cutOffs(SWEEP_STEPS), cutOff ->
                Prf.of(predictedKeys(predictions, type, c -> ThresholdSweep.passes(c.confidence(), cutOff)),
                        goldKeys));
        collectErrors(type, predictions, predictedKeys, goldKeys, goldReferences, errors);
        return new TrackScores(type, codes, map, categories, byGroup(type, predictedKeys, goldKeys), sweep,
                (int) goldByDocument.values().stream().filter(s -> !s.isEmpty()).count(),
                Prf.of(matchShortGoldCodes(predictedKeys, goldKeys), goldKeys));
    }

    static Set<CodeKey> predictedKeys(List<DocumentPrediction> predictions, CodeType type,
                                      Predicate<Candidate> selected) {
        Set<CodeKey> keys = new LinkedHashSet<>();
        for (DocumentPrediction prediction : predictions) {
            for (Candidate candidate : prediction.ranked(type)) {
                if (selected.test(candidate)) {
                    keys.add(new CodeKey(prediction.docId(), type, candidate.code()));
                }
            }
        }
        return keys;
    }

    /** Rewrites a prediction to the gold's four-character form when the gold only has that form for the document. */
    static Set<CodeKey> matchShortGoldCodes(Set<CodeKey> predicted, Set<CodeKey> gold) {
        Set<CodeKey> rewritten = new LinkedHashSet<>();
        for (CodeKey key : predicted) {
            CodeKey shortKey = key.code().length() > 4
                    ? new CodeKey(key.docId(), key.type(), key.code().substring(0, 4)) : key;
            rewritten.add(key.type() == CodeType.P && !gold.contains(key) && gold.contains(shortKey) ? shortKey : key);
        }
        return rewritten;
    }

    static Set<CodeKey> categoryKeys(Set<CodeKey> keys) {
        Set<CodeKey> categories = new LinkedHashSet<>();
        keys.forEach(k -> categories.add(new CodeKey(k.docId(), k.type(), CodeGroups.category(k.code()))));
        return categories;
    }

    private static Map<String, Prf> byGroup(CodeType type, Set<CodeKey> predicted, Set<CodeKey> gold) {
        Map<String, Prf> groups = new TreeMap<>();
        for (CodeKey key : predicted) {
            Prf count = gold.contains(key) ? new Prf(1, 0, 0) : new Prf(0, 1, 0);
            groups.merge(CodeGroups.group(type, key.code()), count, Prf::plus);
        }
        for (CodeKey key : gold) {
            if (!predicted.contains(key)) {
                groups.merge(CodeGroups.group(type, key.code()), new Prf(0, 0, 1), Prf::plus);
            }
        }
        return groups;
    }

    private static Map<CodeKey, List<TextSpan>> goldReferences(CodiespGold gold) {
        Map<CodeKey, List<TextSpan>> references = new LinkedHashMap<>();
        for (GoldReference reference : gold.references()) {
            references.computeIfAbsent(reference.key(), k -> new ArrayList<>()).add(reference.span());
        }
        return references;
    }

    /** CodiEsp-X over the candidates that {@code selected} keeps and that have at least one span. */
    static Prf scoreReferences(List<DocumentPrediction> predictions, Map<CodeKey, List<TextSpan>> gold,
                               Predicate<Candidate> selected) {
        long tp = 0;
        long predictedPairs = 0;
        for (DocumentPrediction prediction : predictions) {
            for (Candidate candidate : prediction.ranked()) {
                if (!selected.test(candidate) || candidate.evidence().isEmpty()) {
                    continue;
                }
                predictedPairs++;
                List<TextSpan> goldSpans = gold.getOrDefault(
                        new CodeKey(prediction.docId(), candidate.type(), candidate.code()), List.of());
                if (anyCovers(candidate.evidence(), goldSpans)) {
                    tp++;
                }
            }
        }
        return new Prf(tp, predictedPairs - tp, gold.size() - tp);
    }

    static boolean anyCovers(List<TextSpan> predicted, List<TextSpan> gold) {
        for (TextSpan p : predicted) {
            for (TextSpan g : gold) {
                if (p.coversWithSlack(g, SLACK)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collectErrors(CodeType type, List<DocumentPrediction> predictions, Set<CodeKey> predicted,
                                      Set<CodeKey> gold, Map<CodeKey, List<TextSpan>> goldReferences,
                                      List<ErrorRow> errors) {
        for (DocumentPrediction prediction : predictions) {
            for (Candidate candidate : prediction.suggested(type)) {
                if (!gold.contains(new CodeKey(prediction.docId(), type, candidate.code()))) {
                    errors.add(new ErrorRow(prediction.docId(), ErrorRow.Kind.FP, type, candidate.code(),
                            candidate.confidence(), joinTexts(candidate.evidence())));
                }
            }
        }
        // Sorted: a hash set's order changes from run to run (CodeType's hash is the enum's identity hash), and
        // errors.tsv should not.
        List<CodeKey> missed = gold.stream().filter(key -> !predicted.contains(key))
                .sorted(java.util.Comparator.comparing(CodeKey::docId).thenComparing(CodeKey::code)).toList();
        for (CodeKey key : missed) {
            errors.add(new ErrorRow(key.docId(), ErrorRow.Kind.FN, type, key.code(), Double.NaN,
                    joinTexts(goldReferences.getOrDefault(key, List.of()))));
        }
    }

    private static String joinTexts(List<TextSpan> spans) {
        Set<String> texts = new TreeSet<>();
        spans.forEach(s -> texts.add(s.text()));
        return String.join(" | ", texts);
    }
}
