package org.opencac.core.rules;

import java.util.List;
import org.opencac.core.model.CodeSuggestion;

/**
 * One coding rule. A rule receives the suggestions left by the rules before it and returns the suggestions
 * after it. A suggestion it changes must go through {@link RuleContext#annotate} (which appends
 * "rule &lt;name&gt;: &lt;what it did&gt;" to the rationale and sets the stage), and a suggestion it removes
 * through {@link RuleContext#drop}. Rules are stateless and thread-safe.
 */
public interface CodingRule {
    /** Short stable name used in rationales ("validity", "specificity", ...). */
    String name();

    List<CodeSuggestion> apply(RuleContext context, List<CodeSuggestion> suggestions);
}
