package org.opencac.core.rules;

import static org.opencac.core.model.RationaleNumbers.twoDecimals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/**
 * Two ICD-10-CM codes in an Excludes1 relation ("NOT CODED HERE") are never reported together: the more
 * confident one stays (on a tie, the one first in the list), the other is dropped, and the rationale of the
 * kept one says which code it excluded. Two codes are related when the Excludes1 notes that apply to either
 * one ({@link Dictionaries#excludes1Codes}, which includes the notes of its category, section and chapter)
 * cite the other one or a code above it. Only codes cited in the notes are seen: a range written "I10-I15"
 * names I10 and I15 but not the codes between them.
 */
public final class Excludes1Rule implements CodingRule {

    @Override
    public String name() {
        return "excludes1";
    }

    @Override
    public List<CodeSuggestion> apply(RuleContext context, List<CodeSuggestion> suggestions) {
        List<CodeSuggestion> byConfidence = new ArrayList<>(suggestions);
        byConfidence.sort(Comparator.comparingDouble(CodeSuggestion::confidence).reversed()); // stable on ties
        List<CodeSuggestion> kept = new ArrayList<>();
        // Each code's notes are looked up once per note: the pair loop below would otherwise repeat it n times.
        java.util.Map<String, List<String>> citedByCode = new java.util.HashMap<>();
        java.util.function.Function<String, List<String>> cited =
                code -> citedByCode.computeIfAbsent(code, context.dictionaries()::excludes1Codes);
        KeptIndex keptIndex = new KeptIndex();
        for (CodeSuggestion candidate : byConfidence) {
            int excludedBy = -1;
            if (candidate.codeSystem() == CodeSystem.ICD10CM) {
                excludedBy = keptIndex.firstRelated(candidate.code(), cited);
            }
            if (excludedBy < 0) {
                kept.add(candidate);
                if (candidate.codeSystem() == CodeSystem.ICD10CM) {
                    keptIndex.add(candidate.code(), kept.size() - 1, cited);
                }
                continue;
            }
            CodeSuggestion winner = kept.get(excludedBy);
            String confidences = twoDecimals(winner.confidence(), false) + " vs "
                    + twoDecimals(candidate.confidence(), false);
            context.drop(this, candidate, "Excludes1 with " + winner.code() + " (confidence " + confidences + ")");
            kept.set(excludedBy, context.annotate(winner, this, "dropped " + candidate.code()
                    + " (Excludes1: not coded together; this code has the higher confidence, " + confidences + ")"));
        }
        // Back to the order the rule received them in (each original takes the first survivor of its code).
        java.util.Map<String, CodeSuggestion> survivorOf = new java.util.HashMap<>();
        for (CodeSuggestion survivor : kept) {
            survivorOf.putIfAbsent(survivor.codeSystem().name() + '|' + survivor.code(), survivor);
        }
        List<CodeSuggestion> result = new ArrayList<>();
        for (CodeSuggestion original : suggestions) {
            CodeSuggestion survivor = survivorOf.get(original.codeSystem().name() + '|' + original.code());
            if (survivor != null) {
                result.add(survivor);
            }
        }
        return result;
    }

    /**
     * The kept ICD-10-CM codes, indexed so that the first kept code in an Excludes1 relation with a new code is
     * found with a few map look-ups instead of comparing the new code with every kept one. Gives the same answer
     * as trying {@link #inExcludes1Relation} on each kept code in order.
     */
    static final class KeptIndex {
        /** Every prefix of a kept code, with the position of the first kept code that has it. */
        private final java.util.Map<String, Integer> firstWithPrefix = new java.util.HashMap<>();
        /** Every code cited by a kept code's notes (not above the kept code), with the first such kept code. */
        private final java.util.Map<String, Integer> firstCiting = new java.util.HashMap<>();

        void add(String code, int position, java.util.function.Function<String, List<String>> cited) {
            for (int length = 1; length <= code.length(); length++) {
                firstWithPrefix.putIfAbsent(code.substring(0, length), position);
            }
            for (String prefix : cited.apply(code)) {
                if (!code.startsWith(prefix)) {
                    firstCiting.putIfAbsent(prefix, position);
                }
            }
        }

        /** Position of the first kept code related to {@code code}, or -1. */
        int firstRelated(String code, java.util.function.Function<String, List<String>> cited) {
            int first = Integer.MAX_VALUE;
            // A kept code's notes cite this code or a code above it.
            for (int length = 1; length <= code.length(); length++) {
                Integer position = firstCiting.get(code.substring(0, length));
                if (position != null) {
                    first = Math.min(first, position);
                }
            }
            // This code's notes cite a kept code or a code above it.
            if (!firstWithPrefix.isEmpty()) {
                for (String prefix : cited.apply(code)) {
                    if (!code.startsWith(prefix)) {
                        Integer position = firstWithPrefix.get(prefix);
                        if (position != null) {
                            first = Math.min(first, position);
                        }
                    }
                }
            }
            return first == Integer.MAX_VALUE ? -1 : first;
        }
    }

    /** True when the Excludes1 notes of either code cite the other code or one of its ancestors. */
    static boolean inExcludes1Relation(Dictionaries dictionaries, String a, String b) {
        return inExcludes1Relation(dictionaries::excludes1Codes, a, b);
    }

    private static boolean inExcludes1Relation(java.util.function.Function<String, List<String>> excludes1Codes,
                                               String a, String b) {
        return cites(excludes1Codes.apply(a), a, b) || cites(excludes1Codes.apply(b), b, a);
    }

    /** A note of {@code owner} citing a code above the owner itself is about other codes; it is ignored. */
    private static boolean cites(List<String> cited, String owner, String code) {
        for (String prefix : cited) {
            if (code.startsWith(prefix) && !owner.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
