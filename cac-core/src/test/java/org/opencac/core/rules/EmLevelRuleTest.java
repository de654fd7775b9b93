package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencac.core.rules.RulesFixture.codes;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.dictionaries.CodeSystem;

class EmLevelRuleTest {
    private final EmLevelRule rule = new EmLevelRule();

    private List<CodeSuggestion> run(String text, EncounterType encounter, List<CodeSuggestion> in) {
        return rule.apply(RulesFixture.context(text, RulesFixture.FY2018_DATE, encounter), in);
    }

    @Test
    void explicitTotalTimeForAnEstablishedPatientWithExactEvidence() {
        String text = "Plan: continue.\nTotal time spent: 40 minutes.";
        List<CodeSuggestion> out = run(text, EncounterType.OUTPATIENT, List.of());
        assertEquals(1, out.size());
        CodeSuggestion visit = out.get(0);
        assertEquals(CodeSystem.CPT, visit.codeSystem());
        assertEquals("99215", visit.code());
        assertEquals("test office visit 99215", visit.description());
        assertEquals(List.of(new Evidence(16, 44, "Total time spent: 40 minutes")), visit.evidence());
        assertEquals(0.81, visit.confidence(), 1e-9, "explicit total 0.90 x 0.9 because the status is assumed");
        assertEquals("rule em-level: office visit, established patient, total time 40 min -> 99215 (40-54 min); "
                + "patient status not documented: established assumed", visit.rationale());
        assertEquals("rules", visit.stage());
    }

    @Test
    void newPatientThresholds() {
        assertNull(EmLevelRule.levelFor(14, true));
        assertEquals("99202", EmLevelRule.levelFor(15, true));
        assertEquals("99202", EmLevelRule.levelFor(29, true));
        assertEquals("99203", EmLevelRule.levelFor(30, true));
        assertEquals("99204", EmLevelRule.levelFor(59, true));
        assertEquals("99205", EmLevelRule.levelFor(60, true));
        assertEquals("99205", EmLevelRule.levelFor(90, true));
        assertNull(EmLevelRule.levelFor(9, false));
        assertEquals("99212", EmLevelRule.levelFor(10, false));
        assertEquals("99213", EmLevelRule.levelFor(20, false));
        assertEquals("99214", EmLevelRule.levelFor(39, false));
        assertEquals("99215", EmLevelRule.levelFor(40, false));
    }

    @Test
    void newPatientAndSpentPhrase() {
        String text = "New patient visit. I spent 25 minutes with the patient.";
        CodeSuggestion visit = run(text, EncounterType.OUTPATIENT, List.of()).get(0);
        assertEquals("99202", visit.code());
        assertEquals(List.of(new Evidence(21, 37, "spent 25 minutes")), visit.evidence());
        assertEquals(EmLevelRule.SPENT_ONLY, visit.confidence(), 1e-9);
        assertTrue(visit.rationale().endsWith("new patient, time spent 25 min -> 99202 (15-29 min); new patient documented"),
                visit.rationale());
    }

    @Test
    void totalTimeOfAndSpanish() {
        String english = "Established patient. Total time of 45 min on the date of the encounter.";
        CodeSuggestion visit = run(english, EncounterType.OUTPATIENT, List.of()).get(0);
        assertEquals("99215", visit.code());
        assertEquals("Total time of 45 min", visit.evidence().get(0).text());
        assertEquals(EmLevelRule.EXPLICIT_TOTAL, visit.confidence(), 1e-9);

        String spanish = "Paciente nuevo. Tiempo total de 30 minutos.";
        CodeSuggestion visita = run(spanish, EncounterType.OUTPATIENT, List.of()).get(0);
        assertEquals("99203", visita.code());
        assertEquals(List.of(new Evidence(16, 42, "Tiempo total de 30 minutos")), visita.evidence());
    }

    @Test
    void longVisitGetsTheTopLevelAndAProlongedServiceNote() {
        CodeSuggestion visit = run("Total time: 70 minutes.", EncounterType.OUTPATIENT, List.of()).get(0);
        assertEquals("99215", visit.code());
        assertTrue(visit.rationale().endsWith("a prolonged-service code may apply (not suggested)"), visit.rationale());
    }

    @Test
    void otherOfficeVisitCodesAreReplacedAndInpatientOrUntimedNotesUnchanged() {
        String text = "Follow up visit. Total time spent: 20 minutes.";
        CodeSuggestion guessed = RulesFixture.suggestion(CodeSystem.CPT, "99214", 0.7, text, "Follow up visit");
        RuleContext context = RulesFixture.context(text);
        List<CodeSuggestion> out = rule.apply(context, List.of(guessed));
        assertEquals(List.of("99213"), codes(out));
        assertEquals(List.of(new DroppedCode(CodeSystem.CPT, "99214", "em-level",
                "office-visit level set by documented time (99213)")), context.dropped());

        assertEquals(List.of(guessed), run(text, EncounterType.INPATIENT, List.of(guessed)));
        assertEquals(List.of(), run("Follow up visit. Time of day: 10 am.", EncounterType.OUTPATIENT, List.of()));
        assertEquals(List.of(), run("Total time spent: 5 minutes.", EncounterType.OUTPATIENT, List.of()));
    }

    @Test
    void minutesPrecheckAgreesWithTheRegexCharacterClasses() {
        java.util.regex.Pattern digitThenMin = java.util.regex.Pattern.compile("\\d\\s*min",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        List<String> texts = List.of("Total time spent: 40 minutes.", "spent 25 min", "30MIN", "30 \t\n Min",
                "10 mg daily", "minutes: 40", "40 m in", "40\u00a0min", "40 m\u0131n", "40 M\u0130N",
                "\u0664\u0660 min",
                "9", "9 mi", "", "total time of ten minutes", "dedic\u00f3 unos 30 minutos");
        for (String text : texts) {
            assertEquals(digitThenMin.matcher(text).find(), EmLevelRule.hasNumberOfMinutes(text), text);
        }
        assertTrue(EmLevelRule.findTime("Time spent: 40 minutes, total time 40 minutes").isPresent());
        assertTrue(EmLevelRule.findTime("spent 40 mg of time").isEmpty());
    }

    @Test
    void keywordAnchoredSearchFindsWhatAWholeTextSearchFinds() {
        // Texts built at random from fragments that start, break or fold into the phrases: the search that starts
        // at the keyword must report the same first match as the pattern run over the whole text.
        List<String> fragments = List.of("Total", "TOTAL", "total", "a", "un", "A", " ", "  \n", "\t", "time",
                "TIME", "face-to-face", "of", "de", "40", "5", "minutes", "min", "minutos", "spent", "Spent",
                "about", "dedic\u00f3", "unos", "tiempo", "Tiempo", "xtotal", "total2", ".", ":", "new", "patient",
                "paciente", "nuevo", "NUEVA", "primera", "consulta", "established", "conocida", "\u0130", "\u212a",
                "\u017fpent", "\u00e9", "\ud83d\ude00", "total time", "a total of", "un total de", "40 minutes",
                "25 min", "new patient", "paciente nuevo", "spent 30 minutes", "tiempo total", "30 minutos");
        java.util.Random random = new java.util.Random(20261124L);
        int matched = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(14); k >= 0; k--) {
                text.append(fragments.get(random.nextInt(fragments.size())));
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            String t = text.toString();
            for (List<EmLevelRule.KeywordPattern> group : List.of(EmLevelRule.TOTAL_TIME, EmLevelRule.SPENT_TIME,
                    EmLevelRule.NEW_PATIENT, EmLevelRule.ESTABLISHED_PATIENT)) {
                for (EmLevelRule.KeywordPattern pattern : group) {
                    java.util.regex.Matcher whole = pattern.pattern().matcher(t);
                    java.util.regex.Matcher anchored = pattern.find(t);
                    if (whole.find()) {
                        matched++;
                        assertTrue(anchored != null, pattern.pattern() + " in " + t);
                        assertEquals(whole.start(), anchored.start(), t);
                        assertEquals(whole.end(), anchored.end(), t);
                    } else {
                        assertNull(anchored, t);
                    }
                }
            }
        }
        assertTrue(matched > 500, "the generated texts must exercise the patterns: " + matched);
    }
}
