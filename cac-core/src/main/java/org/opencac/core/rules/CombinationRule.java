package org.opencac.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;

/**
 * Prefers a combination code over its parts, following a table of our own ({@link Combination}, bundled as
 * {@code combination_codes.tsv}): type 2 diabetes with a documented complication, hypertension with heart
 * failure and/or chronic kidney disease. Every row is checked against the suggestions as they came in; a row
 * applies when each of its triggers is matched by a suggestion at or above the display threshold and its
 * combination code exists and is billable in the release in force; within a group only the first matching
 * row applies. The combination code gets the evidence of all its parts and the lowest of their confidences;
 * it is present when any part is present; the parts listed under "remove" are dropped, the others stay as additional codes and say so.
 */
public final class CombinationRule implements CodingRule {
    private final List<Combination> table;

    public CombinationRule(List<Combination> table) {
        this.table = List.copyOf(table);
    }

    public static CombinationRule bundled() {
        return new CombinationRule(Combination.bundled());
    }

    @Override
    public String name() {
        return "combination";
    }

    @Override
    public List<CodeSuggestion> apply(RuleContext context, List<CodeSuggestion> suggestions) {
        Set<String> groupsDone = new HashSet<>();
        Map<String, String> removedInto = new LinkedHashMap<>(); // removed code -> what replaced it
        Map<String, List<String>> keptNotes = new LinkedHashMap<>(); // kept part -> notes for its rationale
        List<CodeSuggestion> added = new ArrayList<>();
        for (Combination row : table) {
            if (groupsDone.contains(row.group())) {
                continue;
            }
            List<CodeSuggestion> parts = matchAll(row.when(), suggestions, context.threshold());
            if (parts == null) {
                continue;
            }
            Optional<CodeEntry> target = context.dictionaries().lookup(CodeSystem.ICD10CM, row.add(), context.date());
            if (target.isEmpty() || !target.get().billable()) {
                continue;
            }
            groupsDone.add(row.group());
            String partCodes = codes(parts);
            List<Evidence> evidence = new ArrayList<>();
            double confidence = 1.0;
            for (CodeSuggestion part : parts) {
                evidence = RuleContext.mergeEvidence(evidence, part.evidence());
                confidence = Math.min(confidence, part.confidence());
            }
            Assertion assertion = parts.get(0).assertion();
            for (CodeSuggestion part : parts) {
                if (part.assertion() == Assertion.PRESENT) {
                    assertion = Assertion.PRESENT; // documented as current somewhere, e.g. in the assessment
                }
            }
            added.add(new CodeSuggestion(CodeSystem.ICD10CM, target.get().code(), target.get().title(), confidence,
                    evidence, assertion, "rule " + name() + ": combination code for " + partCodes
                    + " (" + row.explanation() + ")", context.stageName(), target.get().release()));
            for (int i = 0; i < parts.size(); i++) {
                String code = parts.get(i).code();
                if (row.remove().contains(row.when().get(i))) {
                    removedInto.putIfAbsent(code, target.get().code());
                } else {
                    keptNotes.computeIfAbsent(code, c -> new ArrayList<>())
                            .add("kept as an additional code with combination code " + target.get().code());
                }
            }
        }
        if (added.isEmpty()) {
            return suggestions;
        }
        List<CodeSuggestion> result = new ArrayList<>();
        for (CodeSuggestion suggestion : suggestions) {
            boolean cm = suggestion.codeSystem() == CodeSystem.ICD10CM;
            if (cm && removedInto.containsKey(suggestion.code())) {
                context.drop(this, suggestion, "replaced by combination code " + removedInto.get(suggestion.code()));
                continue;
            }
            if (cm && keptNotes.containsKey(suggestion.code()) && !removedInto.containsKey(suggestion.code())) {
                suggestion = context.annotate(suggestion, this, String.join("; ", keptNotes.get(suggestion.code())));
            }
            result.add(suggestion);
        }
        for (CodeSuggestion combination : added) {
            int existing = indexOf(result, combination.code());
            if (existing < 0) {
                result.add(combination);
            } else {
                CodeSuggestion already = result.get(existing);
                CodeSuggestion merged = new CodeSuggestion(already.codeSystem(), already.code(), already.description(),
                        Math.max(already.confidence(), combination.confidence()),
                        RuleContext.mergeEvidence(already.evidence(), combination.evidence()), already.assertion(),
                        already.rationale(), already.stage(), already.version());
                result.set(existing, context.annotate(merged, this,
                        "also the combination code for its parts (evidence merged)"));
            }
        }
        return result;
    }

    /** For each trigger, the most confident suggestion it matches; null when some trigger matches none. */
    private static List<CodeSuggestion> matchAll(List<List<String>> triggers, List<CodeSuggestion> suggestions,
                                                 double threshold) {
        List<CodeSuggestion> parts = new ArrayList<>();
        for (List<String> trigger : triggers) {
            CodeSuggestion best = null;
            for (CodeSuggestion suggestion : suggestions) {
                if (suggestion.codeSystem() == CodeSystem.ICD10CM && suggestion.confidence() >= threshold
                        && matches(trigger, suggestion.code()) && !parts.contains(suggestion)
                        && (best == null || suggestion.confidence() > best.confidence())) {
                    best = suggestion;
                }
            }
            if (best == null) {
                return null;
            }
            parts.add(best);
        }
        return parts;
    }

    static boolean matches(List<String> alternatives, String code) {
        for (String prefix : alternatives) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<CodeSuggestion> suggestions, String code) {
        for (int i = 0; i < suggestions.size(); i++) {
            if (suggestions.get(i).codeSystem() == CodeSystem.ICD10CM && suggestions.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private static String codes(List<CodeSuggestion> parts) {
        List<String> codes = new ArrayList<>();
        for (CodeSuggestion part : parts) {
            codes.add(part.code());
        }
        return String.join(" + ", codes);
    }
}
