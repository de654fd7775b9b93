package org.opencac.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.dictionaries.Dictionaries;

/**
 * What a rule may look at while it runs on one note: the analysed note, the date that selects the code-set
 * release, the dictionaries, and the list of dropped codes it adds to. One context per note (not shared
 * between threads).
 */
public final class RuleContext {
    private final AnalyzedNote note;
    private final LocalDate date;
    private final Dictionaries dictionaries;
    private final String stageName;
    private final double threshold;
    private final List<DroppedCode> dropped = new ArrayList<>();

    /**
     * @param date      the note's date of service, or the configured default (null: newest release)
     * @param stageName written into the {@code stage} field of every suggestion a rule changes
     * @param threshold confidence below which a suggestion will not be shown to the coder
     */
    public RuleContext(AnalyzedNote note, LocalDate date, Dictionaries dictionaries, String stageName,
                       double threshold) {
        this.note = note;
        this.date = date;
        this.dictionaries = dictionaries;
        this.stageName = stageName;
        this.threshold = threshold;
    }

    public AnalyzedNote note() {
        return note;
    }

    public String text() {
        return note.text();
    }

    public LocalDate date() {
        return date;
    }

    public Dictionaries dictionaries() {
        return dictionaries;
    }

    public String stageName() {
        return stageName;
    }

    public double threshold() {
        return threshold;
    }

    /** The codes removed so far, in order. */
    public List<DroppedCode> dropped() {
        return List.copyOf(dropped);
    }

    /** Records that a rule removed a suggestion (the rule simply leaves it out of its result). */
    public void drop(CodingRule rule, CodeSuggestion suggestion, String reason) {
        dropped.add(new DroppedCode(suggestion.codeSystem(), suggestion.code(), rule.name(), reason));
    }

    /** The suggestion with "rule &lt;name&gt;: &lt;what&gt;" appended to its rationale and its stage set. */
    public CodeSuggestion annotate(CodeSuggestion suggestion, CodingRule rule, String what) {
        return new CodeSuggestion(suggestion.codeSystem(), suggestion.code(), suggestion.description(),
                suggestion.confidence(), suggestion.evidence(), suggestion.assertion(),
                appendRationale(suggestion.rationale(), rule, what), stageName, suggestion.version());
    }

    static String appendRationale(String rationale, CodingRule rule, String what) {
        String note = "rule " + rule.name() + ": " + what;
        return rationale == null || rationale.isBlank() ? note : rationale + "; " + note;
    }

    /** Both evidence lists, without duplicates, in text order. */
    public static List<Evidence> mergeEvidence(List<Evidence> first, List<Evidence> second) {
        List<Evidence> merged = new ArrayList<>(first);
        for (Evidence evidence : second) {
            if (!merged.contains(evidence)) {
                merged.add(evidence);
            }
        }
        merged.sort(Comparator.comparingInt(Evidence::start).thenComparingInt(Evidence::end));
        return merged;
    }
}
