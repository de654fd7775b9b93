package org.opencac.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.core.pipeline.Stage;
import org.opencac.dictionaries.Dictionaries;

/**
 * The coding rules, applied one after the other to the (ranked) suggestions of a note, in this order:
 * <ol>
 *   <li>{@link ValidityRule} ("validity"): drop codes not in the release in force on the date of service;</li>
 *   <li>{@link CombinationRule} ("combination"): combination codes replace their parts (diabetes with
 *       complications, hypertension with heart failure / CKD) — before specificity, so that a header such as
 *       N18 still counts as CKD;</li>
 *   <li>{@link SpecificityRule} ("specificity"): ICD-10-CM headers merged into, or replaced by, billable codes,
 *       or flagged; "unspecified" codes flagged (including combination codes just added);</li>
 *   <li>{@link Excludes1Rule} ("excludes1"): of two codes in an Excludes1 relation keep the more confident,
 *       once every code above is final;</li>
 *   <li>{@link EmLevelRule} ("em-level"): office-visit E/M level from documented total time (outpatients).</li>
 * </ol>
 * Each change is written into the suggestion's rationale ("rule &lt;name&gt;: ...") and sets its stage to
 * {@value #NAME}. The result is sorted best first (confidence, then code).
 */
public final class CodingRulesStage implements Stage {
    public static final String NAME = "rules";

    private final Dictionaries dictionaries;
    private final LocalDate defaultDateOfService;
    private final double threshold;
    private final List<CodingRule> rules;

    /** The standard rules in the documented order. */
    public CodingRulesStage(Dictionaries dictionaries, LocalDate defaultDateOfService, double threshold) {
        this(dictionaries, defaultDateOfService, threshold, standardRules());
    }

    public CodingRulesStage(Dictionaries dictionaries, LocalDate defaultDateOfService, double threshold,
                            List<CodingRule> rules) {
        this.dictionaries = dictionaries;
        this.defaultDateOfService = defaultDateOfService;
        this.threshold = threshold;
        this.rules = List.copyOf(rules);
    }

    /** The standard rules without the named ones. */
    public static List<CodingRule> standardRulesExcept(java.util.Set<String> disabled) {
        return standardRules().stream().filter(rule -> !disabled.contains(rule.name())).toList();
    }

    public static List<CodingRule> standardRules() {
        return List.of(new ValidityRule(), CombinationRule.bundled(), new SpecificityRule(), new Excludes1Rule(),
                new EmLevelRule());
    }

    public List<CodingRule> rules() {
        return rules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SUGGESTIONS);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.RULES_APPLIED);
    }

    @Override
    public AnalyzedNote apply(AnalyzedNote note) {
        return applyRules(note).note();
    }

    /** Runs every rule and also returns the codes they dropped (the note model has no field for them yet). */
    public RulesOutcome applyRules(AnalyzedNote note) {
        LocalDate date = note.note().dateOfService() != null ? note.note().dateOfService() : defaultDateOfService;
        RuleContext context = new RuleContext(note, date, dictionaries, NAME, threshold);
        List<CodeSuggestion> suggestions = note.suggestions();
        for (CodingRule rule : rules) {
            suggestions = rule.apply(context, suggestions);
        }
        List<CodeSuggestion> sorted = new ArrayList<>(suggestions);
        sorted.sort(Comparator.comparingDouble(CodeSuggestion::confidence).reversed()
                .thenComparing(CodeSuggestion::code));
        return new RulesOutcome(note.withSuggestions(sorted, Layer.RULES_APPLIED), context.dropped());
    }
}
