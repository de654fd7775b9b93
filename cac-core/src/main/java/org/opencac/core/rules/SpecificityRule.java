package org.opencac.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/**
 * Never leaves an ICD-10-CM header (non-billable) code where a billable code is supported:
 * <ol>
 *   <li>if a billable code below the header is also suggested, the header is dropped and its evidence merged
 *       into that code (the most confident one when several are);</li>
 *   <li>otherwise, if the header has exactly one billable code below it, it is replaced by that code; or if
 *       one of its direct children is its "unspecified" default (title ending in "unspecified" or starting
 *       with "Unspecified"; I50 gives I50.9), it is replaced by that code and the choice is flagged;</li>
 *   <li>otherwise the header stays, flagged: a more specific code is needed.</li>
 * </ol>
 * Every billable ICD-10-CM suggestion whose title contains "unspecified" is flagged too. Other code systems
 * are left alone: ICD-10-PCS partial codes ("BW03") are legitimate in CodiEsp's gold.
 */
public final class SpecificityRule implements CodingRule {

    @Override
    public String name() {
        return "specificity";
    }

    @Override
    public List<CodeSuggestion> apply(RuleContext context, List<CodeSuggestion> suggestions) {
        Dictionaries dictionaries = context.dictionaries();
        List<CodeSuggestion> result = new ArrayList<>(suggestions);
        Set<String> chosenAsUnspecified = new HashSet<>();
        // Headers first: merge, replace or flag. Work on a copy so replacements see the current list.
        for (CodeSuggestion header : suggestions) {
            if (header.codeSystem() != CodeSystem.ICD10CM) {
                continue;
            }
            Optional<CodeEntry> entry = dictionaries.lookup(CodeSystem.ICD10CM, header.code(), context.date());
            if (entry.isEmpty() || entry.get().billable()) {
                continue;
            }
            int at = indexOfSame(result, header);
            if (at < 0) {
                continue;
            }
            Optional<Integer> suggestedBelow = mostConfidentSuggestedBelow(header, result, context);
            if (suggestedBelow.isPresent()) {
                int target = suggestedBelow.get();
                CodeSuggestion below = result.get(target);
                CodeSuggestion merged = context.annotate(withEvidenceOf(below, header), this,
                        "merged evidence of header " + header.code() + " (dropped; this code is more specific)");
                result.set(target, merged);
                result.remove(at);
                context.drop(this, header, "header code; the more specific " + below.code() + " is also suggested");
                continue;
            }
            List<CodeEntry> billable = dictionaries.billableDescendants(header.code(), context.date());
            if (billable.size() == 1) {
                CodeEntry only = billable.get(0);
                result.set(at, context.annotate(replaced(header, only), this,
                        "replaced header " + header.code() + " by its only billable code " + only.code()));
                continue;
            }
            Optional<CodeEntry> unspecified = unspecifiedDefault(entry.get().code(), billable, context);
            if (unspecified.isPresent()) {
                CodeEntry choice = unspecified.get();
                result.set(at, context.annotate(replaced(header, choice), this,
                        "replaced header " + header.code() + " by " + choice.code()
                                + " (\"unspecified\" choice: document more detail for a specific code)"));
                chosenAsUnspecified.add(choice.code());
                continue;
            }
            result.set(at, context.annotate(header, this,
                    "header code " + header.code() + " is not billable: a more specific code is needed"));
        }
        // Then flag every remaining "unspecified" code that was not just chosen as the unspecified default.
        for (int i = 0; i < result.size(); i++) {
            CodeSuggestion suggestion = result.get(i);
            if (suggestion.codeSystem() != CodeSystem.ICD10CM || chosenAsUnspecified.contains(suggestion.code())) {
                continue;
            }
            Optional<CodeEntry> entry = dictionaries.lookup(CodeSystem.ICD10CM, suggestion.code(), context.date());
            if (entry.isPresent() && entry.get().billable() && saysUnspecified(entry.get().title())) {
                result.set(i, context.annotate(suggestion, this,
                        "\"unspecified\" code: check whether the note supports a more specific one"));
            }
        }
        return withoutDuplicateCodes(result, context);
    }

    /** Two headers may resolve to the same code: keep its first occurrence, with the evidence of both. */
    private List<CodeSuggestion> withoutDuplicateCodes(List<CodeSuggestion> suggestions, RuleContext context) {
        List<CodeSuggestion> unique = new ArrayList<>();
        // Position of each code in unique (codes there are unique, so one look-up replaces a scan of the list).
        java.util.Map<String, Integer> positionOf = new java.util.HashMap<>();
        for (CodeSuggestion suggestion : suggestions) {
            String key = suggestion.codeSystem().name() + '|' + suggestion.code();
            int same = positionOf.getOrDefault(key, -1);
            if (same < 0) {
                positionOf.put(key, unique.size());
                unique.add(suggestion);
            } else {
                unique.set(same, context.annotate(withEvidenceOf(unique.get(same), suggestion), this,
                        "merged a second suggestion of the same code"));
                context.drop(this, suggestion, "duplicate of " + suggestion.code() + " after header replacement");
            }
        }
        return unique;
    }

    private Optional<Integer> mostConfidentSuggestedBelow(CodeSuggestion header, List<CodeSuggestion> suggestions,
                                                          RuleContext context) {
        Integer best = null;
        for (int i = 0; i < suggestions.size(); i++) {
            CodeSuggestion other = suggestions.get(i);
            if (other.codeSystem() == CodeSystem.ICD10CM && isBelow(other.code(), header.code())
                    && context.dictionaries().isBillable(CodeSystem.ICD10CM, other.code(), context.date())
                    && (best == null || other.confidence() > suggestions.get(best).confidence())) {
                best = i;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when {@code code} is strictly below {@code header} in the ICD-10-CM hierarchy ("E11.9" below "E11"). */
    static boolean isBelow(String code, String header) {
        return code.length() > header.length() && code.startsWith(header);
    }

    static boolean saysUnspecified(String title) {
        return title.toLowerCase(Locale.ROOT).contains("unspecified");
    }

    /**
     * The "unspecified" default among the billable codes below a header: a direct child (not a grandchild, so
     * E11 does not become E11.40 "... with diabetic neuropathy, unspecified") whose title ends in
     * "unspecified" or starts with "Unspecified"; the first in code order.
     */
    static Optional<CodeEntry> unspecifiedDefault(String header, List<CodeEntry> billable, RuleContext context) {
        CodeEntry best = null;
        for (CodeEntry entry : billable) {
            String title = entry.title().strip().toLowerCase(Locale.ROOT);
            boolean isDefault = title.endsWith("unspecified") || title.startsWith("unspecified");
            boolean directChild = context.dictionaries().parent(entry.code(), context.date())
                    .map(parent -> parent.code().equals(header)).orElse(false);
            if (isDefault && directChild && (best == null || entry.code().compareTo(best.code()) < 0)) {
                best = entry;
            }
        }
        return Optional.ofNullable(best);
    }

    private static CodeSuggestion replaced(CodeSuggestion header, CodeEntry code) {
        return new CodeSuggestion(header.codeSystem(), code.code(), code.title(), header.confidence(),
                header.evidence(), header.assertion(), header.rationale(), header.stage(), code.release());
    }

    private static CodeSuggestion withEvidenceOf(CodeSuggestion target, CodeSuggestion source) {
        return new CodeSuggestion(target.codeSystem(), target.code(), target.description(), target.confidence(),
                RuleContext.mergeEvidence(target.evidence(), source.evidence()), target.assertion(),
                target.rationale(), target.stage(), target.version());
    }

    /**
     * Position of this very suggestion (not an equal one) in the list, or -1: a record's equals compares every
     * field, evidence lists included, and an equals scan per header was quadratic in the number of suggestions.
     */
    private static int indexOfSame(List<CodeSuggestion> suggestions, CodeSuggestion suggestion) {
        for (int i = 0; i < suggestions.size(); i++) {
            if (suggestions.get(i) == suggestion) {
                return i;
            }
        }
        return -1;
    }
}
