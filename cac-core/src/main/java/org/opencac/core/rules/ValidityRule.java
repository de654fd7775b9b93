package org.opencac.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/**
 * Drops every code that does not exist in the release of its code system in force on the note's date of
 * service ({@link Dictionaries#lookup}); ICD-10-PCS partial codes such as "BW03" exist as headers and stay.
 * An HCPCS code that exists but is terminated (or not yet added) on the date is dropped too.
 */
public final class ValidityRule implements CodingRule {

    @Override
    public String name() {
        return "validity";
    }

    @Override
    public List<CodeSuggestion> apply(RuleContext context, List<CodeSuggestion> suggestions) {
        Dictionaries dictionaries = context.dictionaries();
        List<CodeSuggestion> kept = new ArrayList<>();
        for (CodeSuggestion suggestion : suggestions) {
            Optional<CodeEntry> entry = dictionaries.lookup(suggestion.codeSystem(), suggestion.code(), context.date());
            if (entry.isEmpty()) {
                context.drop(this, suggestion, "not in the " + suggestion.system() + " release in force on "
                        + dateText(context) + releaseName(context, suggestion.codeSystem()));
                continue;
            }
            if (suggestion.codeSystem() == CodeSystem.HCPCS && entry.get().billable() && context.date() != null
                    && !dictionaries.isBillable(CodeSystem.HCPCS, suggestion.code(), context.date())) {
                context.drop(this, suggestion, "HCPCS code not in force on " + context.date());
                continue;
            }
            kept.add(suggestion);
        }
        return kept;
    }

    private static String dateText(RuleContext context) {
        return context.date() == null ? "the newest date" : context.date().toString();
    }

    private static String releaseName(RuleContext context, CodeSystem system) {
        return context.dictionaries().releaseFor(system, context.date()).map(r -> " (" + r.name() + ")").orElse("");
    }
}
