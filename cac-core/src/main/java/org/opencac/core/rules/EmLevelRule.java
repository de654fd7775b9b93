package org.opencac.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;

/**
 * Office-visit E/M level from the documented total time (2021 office-visit time ranges), for outpatient notes
 * only. New patient: 99202 15-29 min, 99203 30-44, 99204 45-59, 99205 60-74; established patient: 99212 10-19,
 * 99213 20-29, 99214 30-39, 99215 40-54. Longer visits get the top level and a note that a prolonged-service
 * code may apply (not suggested); shorter ones get no code. The time comes from phrases such as "Total time
 * spent: 40 minutes", "total time of 45 min", "spent 25 minutes", "tiempo total de 30 minutos"; the patient is
 * new when the note says "new patient" ("paciente nuevo", "primera consulta") and established otherwise.
 * Confidence: 0.90 for an explicit total time ("total time", "a total of"), 0.75 for "spent N minutes",
 * times 0.9 when the patient status is not documented. The evidence is the time phrase. The CPT code and its
 * description come from the dictionaries; other office-visit codes already suggested are replaced.
 */
public final class EmLevelRule implements CodingRule {
    static final double EXPLICIT_TOTAL = 0.90;
    static final double SPENT_ONLY = 0.75;
    static final double STATUS_ASSUMED = 0.9;

    private static final String MINUTES = "(\\d{1,3})\\s*(?:minutes?|mins?|minutos?)\\b";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Explicit total time, most explicit first. Group 1 is the number of minutes. */
    static final List<KeywordPattern> TOTAL_TIME = List.of(
            new KeywordPattern("\\btotal\\s+(?:[a-z-]+\\s+){0,2}?time\\b[^0-9\\n.]{0,30}?" + MINUTES, "total", 0),
            new KeywordPattern("\\btiempo\\s+total\\b[^0-9\\n.]{0,30}?" + MINUTES, "tiempo", 0),
            new KeywordPattern("\\b(?:a\\s+total\\s+of|un\\s+total\\s+de)\\s+" + MINUTES, "total", 2));
    /** Time spent without the word "total". */
    static final List<KeywordPattern> SPENT_TIME = List.of(
            new KeywordPattern("\\bspent\\s+(?:about\\s+|approximately\\s+)?" + MINUTES, "spent", 0),
            new KeywordPattern("\\bdedic(?:ó|o|aron|amos|ado)\\s+(?:unos\\s+)?" + MINUTES, "dedic", 0));
    static final List<KeywordPattern> NEW_PATIENT = List.of(
            new KeywordPattern("\\bnew\\s+patient\\b", "new", 0),
            new KeywordPattern("\\bpaciente\\s+nuev[oa]\\b", "paciente", 0),
            new KeywordPattern("\\bnuev[oa]\\s+paciente\\b", "nuev", 0),
            new KeywordPattern("\\bprimera\\s+(?:consulta|visita)\\b", "primera", 0));
    static final List<KeywordPattern> ESTABLISHED_PATIENT = List.of(
            new KeywordPattern("\\bestablished\\s+patient\\b", "established", 0),
            new KeywordPattern("\\bpaciente\\s+(?:conocid[oa]|establecid[oa])\\b", "paciente", 0));

    /**
     * A case-insensitive pattern whose matches all contain a keyword, at most {@code maxLead} letters plus white
     * space after the match's start. The search starts just before the keyword's first occurrence: scanning a whole
     * note with these patterns, which test a Unicode word boundary at every position, took a fifth of the service's
     * CPU per outpatient note. The keyword is looked for with String.regionMatches, which accepts every pair of
     * characters that the pattern's case folding does, so no match is missed.
     */
    record KeywordPattern(Pattern pattern, String keyword, int maxLead) {
        KeywordPattern(String regex, String keyword, int maxLead) {
            this(Pattern.compile(regex, FLAGS), keyword, maxLead);
        }

        /** A matcher at the first match in the text, or null. */
        Matcher find(String text) {
            int at = indexOfIgnoreCase(text, keyword);
            if (at < 0) {
                return null;
            }
            if (maxLead > 0) {
                while (at > 0 && isRegexWhitespace(text.charAt(at - 1))) {
                    at--;
                }
                at = Math.max(0, at - maxLead);
            }
            // Transparent bounds: the word boundary at the start still sees the character before the region.
            Matcher matcher = pattern.matcher(text).region(at, text.length()).useTransparentBounds(true)
                    .useAnchoringBounds(false);
            return matcher.find() ? matcher : null;
        }
    }

    static int indexOfIgnoreCase(String text, String keyword) {
        for (int i = 0, last = text.length() - keyword.length(); i <= last; i++) {
            if (text.regionMatches(true, i, keyword, 0, keyword.length())) {
                return i;
            }
        }
        return -1;
    }

    static final Set<String> OFFICE_VISIT_CODES = Set.of("99202", "99203", "99204", "99205", "99211", "99212",
            "99213", "99214", "99215");

    /** A documented time: the phrase's span, the minutes and whether it was an explicit total. */
    record TimePhrase(int start, int end, int minutes, boolean explicitTotal) {
    }

    @Override
    public String name() {
        return "em-level";
    }

    @Override
    public List<CodeSuggestion> apply(RuleContext context, List<CodeSuggestion> suggestions) {
        if (context.note().note().encounterType() != EncounterType.OUTPATIENT) {
            return suggestions;
        }
        String text = context.text();
        Optional<TimePhrase> time = findTime(text);
        if (time.isEmpty()) {
            return suggestions;
        }
        boolean saysNew = anyMatch(NEW_PATIENT, text);
        boolean saysEstablished = anyMatch(ESTABLISHED_PATIENT, text);
        boolean newPatient = saysNew && !saysEstablished;
        String code = levelFor(time.get().minutes(), newPatient);
        if (code == null) {
            return suggestions;
        }
        Optional<CodeEntry> entry = context.dictionaries().lookup(CodeSystem.CPT, code, context.date());
        if (entry.isEmpty()) {
            return suggestions;
        }
        double confidence = time.get().explicitTotal() ? EXPLICIT_TOTAL : SPENT_ONLY;
        String status;
        if (saysNew && saysEstablished) {
            status = "both new and established patient documented: established assumed";
            confidence *= STATUS_ASSUMED;
        } else if (saysNew) {
            status = "new patient documented";
        } else if (saysEstablished) {
            status = "established patient documented";
        } else {
            status = "patient status not documented: established assumed";
            confidence *= STATUS_ASSUMED;
        }
        int minutes = time.get().minutes();
        String what = String.format(Locale.ROOT, "office visit, %s patient, %s %d min -> %s (%s); %s",
                newPatient ? "new" : "established", time.get().explicitTotal() ? "total time" : "time spent", minutes,
                code, range(code), status);
        if (minutes > upperBound(newPatient)) {
            what += "; above the top range: a prolonged-service code may apply (not suggested)";
        }
        Evidence evidence = Evidence.of(text, time.get().start(), time.get().end());
        List<CodeSuggestion> result = new ArrayList<>();
        for (CodeSuggestion suggestion : suggestions) {
            if (suggestion.codeSystem() == CodeSystem.CPT && OFFICE_VISIT_CODES.contains(suggestion.code())) {
                context.drop(this, suggestion, "office-visit level set by documented time (" + code + ")");
            } else {
                result.add(suggestion);
            }
        }
        result.add(new CodeSuggestion(CodeSystem.CPT, code, entry.get().title(), confidence, List.of(evidence),
                Assertion.PRESENT, "rule " + name() + ": " + what, context.stageName(), entry.get().release()));
        return result;
    }

    /** The first explicit total time in the note, otherwise the first "spent N minutes". */
    static Optional<TimePhrase> findTime(String text) {
        if (!hasNumberOfMinutes(text)) {
            return Optional.empty(); // most notes: skips five whole-text regex scans
        }
        Optional<TimePhrase> total = first(TOTAL_TIME, text, true);
        return total.isPresent() ? total : first(SPENT_TIME, text, false);
    }

    /**
     * Whether the text has a digit followed by optional white space and "min" in any case: every time pattern
     * ends with {@link #MINUTES}, so without it none can match. Same character classes as the patterns: ASCII
     * digits, {@code \s} white space, letters compared as the case-insensitive Unicode patterns compare them.
     */
    static boolean hasNumberOfMinutes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int at = i + 1;
            while (at < text.length() && isRegexWhitespace(text.charAt(at))) {
                at++;
            }
            if (at + 3 <= text.length() && foldsTo(text.charAt(at), 'm') && foldsTo(text.charAt(at + 1), 'i')
                    && foldsTo(text.charAt(at + 2), 'n')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The comparison of java.util.regex with CASE_INSENSITIVE and UNICODE_CASE (a lower-case pattern letter). */
    private static boolean foldsTo(char c, char lowerCase) {
        if (c < 0x80) {
            return (c | 0x20) == lowerCase; // ASCII: only the two cases of the letter fold to it
        }
        return Character.toLowerCase(Character.toUpperCase(c)) == lowerCase;
    }

    private static Optional<TimePhrase> first(List<KeywordPattern> patterns, String text, boolean explicitTotal) {
        TimePhrase best = null;
        for (KeywordPattern pattern : patterns) {
            Matcher matcher = pattern.find(text);
            if (matcher != null && (best == null || matcher.start() < best.start())) {
                best = new TimePhrase(matcher.start(), matcher.end(), Integer.parseInt(matcher.group(1)), explicitTotal);
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean anyMatch(List<KeywordPattern> patterns, String text) {
        for (KeywordPattern pattern : patterns) {
            if (pattern.find(text) != null) {
                return true;
            }
        }
        return false;
    }

    /** The CPT office-visit code for the minutes, or null when the time is below the lowest range. */
    static String levelFor(int minutes, boolean newPatient) {
        if (newPatient) {
            if (minutes < 15) {
                return null;
            }
            return minutes < 30 ? "99202" : minutes < 45 ? "99203" : minutes < 60 ? "99204" : "99205";
        }
        if (minutes < 10) {
            return null;
        }
        return minutes < 20 ? "99212" : minutes < 30 ? "99213" : minutes < 40 ? "99214" : "99215";
    }

    private static int upperBound(boolean newPatient) {
        return newPatient ? 74 : 54;
    }

    private static String range(String code) {
        return switch (code) {
            case "99202" -> "15-29 min";
            case "99203" -> "30-44 min";
            case "99204" -> "45-59 min";
            case "99205" -> "60-74 min";
            case "99212" -> "10-19 min";
            case "99213" -> "20-29 min";
            case "99214" -> "30-39 min";
            case "99215" -> "40-54 min";
            default -> "";
        };
    }
}
