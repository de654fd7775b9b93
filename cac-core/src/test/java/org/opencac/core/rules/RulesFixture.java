package org.opencac.core.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeRelease;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.cm.CmTabular;
import org.opencac.dictionaries.load.CptFileLoader.CptRecord;

/** A tiny code set (a few real ICD-10-CM codes, one PCS code, office-visit CPT codes) for rule tests. */
final class RulesFixture {
    static final LocalDate FY2018_DATE = LocalDate.of(2018, 6, 1);
    static final LocalDate FY2026_DATE = LocalDate.of(2026, 1, 15);

    private static final String[][] CM = {
        {"E10", "Type 1 diabetes mellitus", "n"},
        {"E10.9", "Type 1 diabetes mellitus without complications", "y"},
        {"E11", "Type 2 diabetes mellitus", "n"},
        {"E11.2", "Type 2 diabetes mellitus with kidney complications", "n"},
        {"E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease", "y"},
        {"E11.4", "Type 2 diabetes mellitus with neurological complications", "n"},
        {"E11.40", "Type 2 diabetes mellitus with diabetic neuropathy, unspecified", "y"},
        {"E11.65", "Type 2 diabetes mellitus with hyperglycemia", "y"},
        {"E11.9", "Type 2 diabetes mellitus without complications", "y"},
        {"G62.9", "Polyneuropathy, unspecified", "y"},
        {"I10", "Essential (primary) hypertension", "y"},
        {"I11.0", "Hypertensive heart disease with heart failure", "y"},
        {"I12.0", "Hypertensive chronic kidney disease with stage 5 chronic kidney disease or end stage renal disease", "y"},
        {"I12.9", "Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease", "y"},
        {"I50", "Heart failure", "n"},
        {"I50.2", "Systolic (congestive) heart failure", "n"},
        {"I50.23", "Acute on chronic systolic (congestive) heart failure", "y"},
        {"I50.9", "Heart failure, unspecified", "y"},
        {"N18", "Chronic kidney disease (CKD)", "n"},
        {"N18.3", "Chronic kidney disease, stage 3 (moderate)", "y"},
        {"N18.6", "End stage renal disease", "y"},
        {"R73.9", "Hyperglycemia, unspecified", "y"},
    };

    /** Excludes1 between type 1 and type 2 diabetes, as in the Tabular List. */
    private static final String TABULAR = """
            <ICD10CM.tabular>
              <chapter><name>4</name><desc>Endocrine, nutritional and metabolic diseases</desc>
                <section id="E08-E13"><desc>Diabetes mellitus</desc>
                  <diag><name>E10</name><desc>Type 1 diabetes mellitus</desc>
                    <excludes1><note>type 2 diabetes mellitus (E11.-)</note></excludes1>
                    <diag><name>E10.9</name><desc>Type 1 diabetes mellitus without complications</desc></diag>
                  </diag>
                  <diag><name>E11</name><desc>Type 2 diabetes mellitus</desc>
                    <excludes1><note>type 1 diabetes mellitus (E10.-)</note></excludes1>
                    <diag><name>E11.9</name><desc>Type 2 diabetes mellitus without complications</desc></diag>
                  </diag>
                </section>
              </chapter>
            </ICD10CM.tabular>
            """;

    private static final Dictionaries DICTIONARIES = build();

    private RulesFixture() {
    }

    static Dictionaries dictionaries() {
        return DICTIONARIES;
    }

    private static Dictionaries build() {
        List<CodeEntry> fy2018 = new ArrayList<>();
        List<CodeEntry> fy2026 = new ArrayList<>();
        for (String[] row : CM) {
            fy2018.add(new CodeEntry(CodeSystem.ICD10CM, row[0], row[1], row[1], row[2].equals("y"), "FY2018"));
            if (!row[0].equals("E11.65")) { // deleted in our made-up FY2026, to test validity by date
                fy2026.add(new CodeEntry(CodeSystem.ICD10CM, row[0], row[1], row[1], row[2].equals("y"), "FY2026"));
            }
        }
        List<CptRecord> cpt = new ArrayList<>();
        for (String code : List.of("99202", "99203", "99204", "99205", "99212", "99213", "99214", "99215")) {
            cpt.add(new CptRecord(code, "test office visit " + code, List.of()));
        }
        try {
            return Dictionaries.builder()
                    .addRelease(new CodeRelease(CodeSystem.ICD10CM, "FY2018", LocalDate.of(2017, 10, 1), fy2018, Map.of()))
                    .addRelease(new CodeRelease(CodeSystem.ICD10CM, "FY2026", LocalDate.of(2025, 10, 1), fy2026, Map.of()))
                    .addRelease(new CodeRelease(CodeSystem.ICD10PCS, "FY2018", LocalDate.of(2017, 10, 1),
                            List.of(new CodeEntry(CodeSystem.ICD10PCS, "BW03ZZZ", "Plain Radiography of Chest",
                                    "Plain Radiography of Chest", true, "FY2018")), Map.of()))
                    .addCpt(cpt, "test-cpt", "cpt-test")
                    .cmTabular(CmTabular.read(new ByteArrayInputStream(TABULAR.getBytes(StandardCharsets.UTF_8))))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A suggestion from the "suggest" stage whose evidence is the first occurrence of {@code phrase} in the text. */
    static CodeSuggestion suggestion(CodeSystem system, String code, double confidence, String text, String phrase) {
        int start = text.indexOf(phrase);
        if (start < 0) {
            throw new IllegalArgumentException("phrase not in fixture text: " + phrase);
        }
        return new CodeSuggestion(system, code, code + " title", confidence,
                List.of(Evidence.of(text, start, start + phrase.length())), Assertion.PRESENT, "matched", "suggest",
                "FY2018");
    }

    static CodeSuggestion cm(String code, double confidence, String text, String phrase) {
        return suggestion(CodeSystem.ICD10CM, code, confidence, text, phrase);
    }

    static RuleContext context(String text, LocalDate date, EncounterType encounter) {
        AnalyzedNote note = AnalyzedNote.of(new Note("t", text, encounter, date, Language.EN));
        return new RuleContext(note, date, DICTIONARIES, CodingRulesStage.NAME, 0.5);
    }

    static RuleContext context(String text) {
        return context(text, FY2018_DATE, EncounterType.OUTPATIENT);
    }

    static AnalyzedNote analyzed(String text, LocalDate date, EncounterType encounter, List<CodeSuggestion> suggestions) {
        return AnalyzedNote.of(new Note("t", text, encounter, date, Language.EN))
                .withSuggestions(suggestions, Layer.SUGGESTIONS);
    }

    static CodeSuggestion find(List<CodeSuggestion> suggestions, String code) {
        return suggestions.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + codes(suggestions)));
    }

    static List<String> codes(List<CodeSuggestion> suggestions) {
        return suggestions.stream().map(CodeSuggestion::code).toList();
    }
}
