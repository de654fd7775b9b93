package org.opencac.core.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Context;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Language;
import org.opencac.core.model.Mention;
import org.opencac.core.model.RationaleNumbers;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/**
 * Replaces the heuristic suggestion stage: every candidate code of the note (all dictionary mentions, nested and
 * negated ones included, plus the document classifier's best codes) is scored by the learned ranker in one
 * batched call, and becomes a suggestion whose confidence is the calibrated probability that a coder assigns it.
 * Negated or hypothetical candidates are not dropped here: the ranker has learned how much they count.
 */
public final class RankerStage implements Stage {
    public static final String NAME = "ranker";
    private static final int RATIONALE_FEATURES = 3;
    /** Spaces then a singular Spanish side word, as a whole word. */
    private static final Pattern FOLLOWING_SIDE_ES = Pattern.compile(
            "[ \\t]+(?:derech|izquierd)[oa](?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The constant column carries no evidence and is never a rationale driver. */
    private static final int CONST_COLUMN = CandidateFeatures.NAMES.indexOf("const");

    private final Ranker ranker;
    private final Dictionaries dictionaries;
    private final LocalDate defaultDateOfService;
    /** The card's weight of each feature column (0 when the card has none), for rationales. */
    private final double[] weightOfColumn;

    public RankerStage(Ranker ranker, Dictionaries dictionaries, LocalDate defaultDateOfService) {
        this.ranker = ranker;
        this.dictionaries = dictionaries;
        this.defaultDateOfService = defaultDateOfService;
        Map<String, Double> byName = ranker.card().weights();
        this.weightOfColumn = new double[CandidateFeatures.NAMES.size()];
        for (int c = 0; c < weightOfColumn.length; c++) {
            weightOfColumn[c] = byName == null ? 0.0 : byName.getOrDefault(CandidateFeatures.NAMES.get(c), 0.0);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.CONTEXT);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.SUGGESTIONS, Layer.RANKED);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        List<RankCandidate> candidates = ranker.candidates(note);
        double[][] rows = CandidateFeatures.vectors(note, candidates, ranker.statistics());
        double[] confidences = ranker.confidences(rows);
        LocalDate date = note.note().dateOfService() != null ? note.note().dateOfService() : defaultDateOfService;
        List<CodeSuggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            suggestions.add(suggestion(note, candidates.get(i), rows[i], confidences[i], date));
        }
        suggestions.sort(Comparator.comparingDouble(CodeSuggestion::confidence).reversed()
                .thenComparing(CodeSuggestion::code));
        // A 4-character ICD-10-PCS code (CodiEsp often codes the first four axes) and its 7-character extensions are
        // each kept on their own confidence: leaving out extensions weaker than their prefix lowered out-of-fold
        // train F1 (0.5722 -> 0.5694 in es) once the confidences were calibrated.
        return note.withSuggestions(suggestions, Layer.SUGGESTIONS, Layer.RANKED);
    }

    private CodeSuggestion suggestion(AnalyzedNote note, RankCandidate candidate, double[] row, double confidence,
                                      LocalDate date) {
        List<Mention> present = new ArrayList<>();
        for (Mention mention : candidate.mentions()) {
            if (mention.context().assertion() == Assertion.PRESENT) {
                present.add(mention);
            }
        }
        List<Mention> shown = present.isEmpty() ? candidate.mentions() : present;
        // Evidence is every place the note mentions the code, whatever its context: coders (and CodiEsp-X
        // annotators) point at all mentions, and the assertion below still comes from the present ones.
        Map<Span, Evidence> evidence = new LinkedHashMap<>();
        Language language = note.note().language();
        for (Mention mention : candidate.mentions()) {
            Evidence piece = withFollowingSide(note.text(), mention.evidence(), language);
            evidence.putIfAbsent(piece.span(), piece);
        }
        if (evidence.isEmpty()) {
            for (Span span : candidate.classifierEvidence()) {
                evidence.putIfAbsent(span, Evidence.of(note.text(), span.start(), span.end()));
            }
        }
        List<Evidence> pieces = outermost(evidence.values());
        pieces.sort(Comparator.comparingInt(Evidence::start).thenComparingInt(Evidence::end));
        Assertion assertion = shown.isEmpty() ? Assertion.PRESENT : assertionOf(shown);
        String description = dictionaries.lookup(candidate.system(), candidate.code(), date).map(CodeEntry::title)
                .orElse(shown.isEmpty() ? candidate.code() : shown.get(0).term());
        String release = shown.isEmpty()
                ? dictionaries.releaseFor(candidate.system(), date).map(r -> r.name()).orElse(null)
                : shown.get(0).release();
        return new CodeSuggestion(candidate.system(), candidate.code(), description, confidence, pieces, assertion,
                rationale(candidate, row, confidence), NAME, release);
    }

    /**
     * Extends Spanish evidence over a side word right after it ("litiasis renal" + " izquierda"): the side is part
     * of the finding (ICD-10-CM codes it), and CodiEsp train annotators include a singular side word that directly
     * follows a reference in about 4 cases out of 5 (derecho 114 of 140, derecha 88 of 108, izquierdo 135 of 155,
     * izquierda 91 of 110). Plural and "bilateral" forms are included only about half of the time, so not taken.
     */
    static Evidence withFollowingSide(String text, Evidence evidence, Language language) {
        if (language != Language.ES) {
            return evidence;
        }
        Matcher side = FOLLOWING_SIDE_ES.matcher(text).region(evidence.end(), text.length());
        side.useTransparentBounds(true);
        return side.lookingAt() ? Evidence.of(text, evidence.start(), side.end()) : evidence;
    }

    /**
     * Nested candidates give nested evidence ("Type 2 diabetes" inside "Type 2 diabetes mellitus"): a coder needs
     * only the outermost spans.
     */
    static List<Evidence> outermost(java.util.Collection<Evidence> all) {
        List<Evidence> kept = new ArrayList<>();
        for (Evidence candidate : all) {
            boolean inside = false;
            for (Evidence other : all) {
                if (other != candidate && other.span().contains(candidate.span())
                        && other.span().length() > candidate.span().length()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static Assertion assertionOf(List<Mention> mentions) {
        Context first = mentions.get(0).context();
        return first.assertion();
    }

    /** "ranker 0.83: 2 mentions; drivers tp_best +1.20, clf_score +0.61, neg_share -0.40". */
    String rationale(RankCandidate candidate, double[] row, double confidence) {
        // The RATIONALE_FEATURES largest contributions by size (ties by name), picked without sorting them all.
        int[] top = new int[RATIONALE_FEATURES];
        double[] topValue = new double[RATIONALE_FEATURES];
        int found = 0;
        for (int c = 0; c < row.length; c++) {
            double weight = weightOfColumn[c];
            if (c == CONST_COLUMN || row[c] == 0.0 || weight == 0.0) {
                continue;
            }
            double value = weight * row[c];
            int at = found;
            while (at > 0 && before(value, c, topValue[at - 1], top[at - 1])) {
                at--;
            }
            if (at < RATIONALE_FEATURES) {
                int last = Math.min(found, RATIONALE_FEATURES - 1);
                for (int k = last; k > at; k--) {
                    top[k] = top[k - 1];
                    topValue[k] = topValue[k - 1];
                }
                top[at] = c;
                topValue[at] = value;
                found = Math.min(found + 1, RATIONALE_FEATURES);
            }
        }
        int mentions = candidate.mentions().size();
        StringBuilder text = new StringBuilder(96).append("ranker ");
        RationaleNumbers.appendTwoDecimals(text, confidence, false)
                .append(": ").append(mentions).append(" mention").append(mentions == 1 ? "" : "s");
        if (candidate.classifierRank() >= 0) {
            text.append(", classifier rank ").append(candidate.classifierRank() + 1);
        }
        text.append("; drivers");
        for (int i = 0; i < found; i++) {
            text.append(' ').append(CandidateFeatures.NAMES.get(top[i])).append(' ');
            RationaleNumbers.appendTwoDecimals(text, topValue[i], true);
        }
        return text.toString();
    }

    /** Rationale order: larger contribution size first, then feature name. */
    private static boolean before(double value, int column, double otherValue, int otherColumn) {
        int bySize = Double.compare(-Math.abs(value), -Math.abs(otherValue));
        if (bySize != 0) {
            return bySize < 0;
        }
        return CandidateFeatures.NAMES.get(column).compareTo(CandidateFeatures.NAMES.get(otherColumn)) < 0;
    }
}
