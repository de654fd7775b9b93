package org.opencac.dictionaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.cm.NoteKind;
import org.opencac.dictionaries.match.SimpleTokenizer;

/** Checks on the bundled resources themselves. */
class BundledDictionariesTest {

    private static final LocalDate IN_FY2018 = LocalDate.of(2018, 5, 2);
    private static Dictionaries dictionaries;

    @BeforeAll
    static void load() {
        dictionaries = Dictionaries.loadBundled();
    }

    private static List<TermMatch> match(String language, LocalDate date, String text) {
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        return dictionaries.matcher(language, date).match(text, tokens.starts(), tokens.ends());
    }

    @Test
    void releaseSizesMatchTheOfficialCounts() {
        assertEquals(94_127, dictionaries.release(CodeSystem.ICD10CM, "FY2018").orElseThrow().size());
        assertEquals(71_704, dictionaries.release(CodeSystem.ICD10CM, "FY2018").orElseThrow().billableCount());
        assertEquals(74_719, dictionaries.release(CodeSystem.ICD10CM, "FY2026").orElseThrow().billableCount());
        assertEquals(79_115, dictionaries.release(CodeSystem.ICD10PCS, "FY2026").orElseThrow().billableCount());
        assertEquals(6_710, dictionaries.release(CodeSystem.HCPCS, "2020").orElseThrow().size());
    }

    @Test
    void e119IsBillableInFy2018AndE11IsAHeader() {
        assertTrue(dictionaries.isBillable(CodeSystem.ICD10CM, "E11.9", IN_FY2018));
        CodeEntry category = dictionaries.lookup(CodeSystem.ICD10CM, "E11", IN_FY2018).orElseThrow();
        assertFalse(category.billable());
        assertEquals("FY2018", category.release());
    }

    @Test
    void codeAddedLaterIsNotValidIn2018() {
        assertFalse(dictionaries.lookup(CodeSystem.ICD10CM, "U07.1", IN_FY2018).isPresent());
        assertTrue(dictionaries.isBillable(CodeSystem.ICD10CM, "U07.1", LocalDate.of(2026, 1, 15)));
        assertTrue(dictionaries.diff(CodeSystem.ICD10CM, "FY2018", "FY2026").added().contains("U07.1"));
    }

    @Test
    void codiespPcsPrefixIsAccepted() {
        CodeEntry prefix = dictionaries.lookup(CodeSystem.ICD10PCS, "bw03", IN_FY2018).orElseThrow();
        assertFalse(prefix.billable());
        assertTrue(prefix.title().contains("Chest"), prefix.title());
    }

    @Test
    void hcpcsTerminatedCodeIsNotBillableAfterItsTerminationDate() {
        CodeRelease hcpcs = dictionaries.release(CodeSystem.HCPCS, "2020").orElseThrow();
        CodeEntry terminated = hcpcs.entries().stream()
                .filter(e -> hcpcs.validity(e.code()).map(v -> v.terminated() != null).orElse(false))
                .findFirst().orElseThrow();
        LocalDate lastDay = hcpcs.validity(terminated.code()).orElseThrow().terminated();
        assertTrue(dictionaries.isBillable(CodeSystem.HCPCS, terminated.code(), lastDay));
        assertFalse(dictionaries.isBillable(CodeSystem.HCPCS, terminated.code(), lastDay.plusDays(1)));
    }

    @Test
    void excludes1OfTheCategoryAppliesToItsCodes() {
        List<String> cited = dictionaries.excludes1Codes("E11.9");
        assertTrue(cited.contains("E10"), cited.toString());
        assertFalse(dictionaries.notes("E11.9", NoteKind.EXCLUDES1).isEmpty());
    }

    @Test
    void englishNoteMatchesOfficialTermsWithExactEvidence() {
        String text = "Assessment: type 2 diabetes mellitus without complications; essential hypertension.";
        List<TermMatch> matches = match("en", IN_FY2018, text);
        TermMatch diabetes = matches.stream().filter(m -> m.code().equals("E11.9")).findFirst().orElseThrow();
        assertEquals("type 2 diabetes mellitus without complications", text.substring(diabetes.start(), diabetes.end()));
        assertTrue(TermSources.isOfficial(diabetes.termSource()));
        assertEquals("FY2018", diabetes.release());
        assertTrue(matches.stream().anyMatch(m -> m.code().equals("I10")), matches.toString());
    }

    @Test
    void spanishNoteMatchesLearnedTerms() {
        String text = "Se diagnosticó hipertensión arterial y diabetes mellitus tipo 2.";
        List<TermMatch> matches = match("es", IN_FY2018, text);
        TermMatch pressure = matches.stream().filter(m -> m.code().equals("I10")).findFirst().orElseThrow();
        assertEquals(TermSources.CODIESP_TRAIN, pressure.termSource());
        assertEquals("hipertensión arterial", text.substring(pressure.start(), pressure.end()));
    }

    @Test
    void everyLearnedSpanishTermIsFoundInItsOwnText() {
        List<java.util.Map.Entry<DictionaryTerm, String>> terms = dictionaries.terms(
                org.opencac.dictionaries.match.Language.ES, IN_FY2018);
        int found = 0;
        for (java.util.Map.Entry<DictionaryTerm, String> entry : terms) {
            DictionaryTerm term = entry.getKey();
            if (match("es", IN_FY2018, term.text()).stream().anyMatch(m -> m.code().equals(term.code()))) {
                found++;
            }
        }
        // A handful of very long evidence spans (more than 12 content words) are left out by design.
        assertTrue(found >= terms.size() * 0.99, found + " of " + terms.size());
    }

    @Test
    void matcherIsSafeToShareBetweenThreads() throws Exception {
        String text = "Chest pain. History of HTN and COPD. Type 2 diabetes mellitus.";
        List<TermMatch> expected = match("en", IN_FY2018, text);
        assertFalse(expected.isEmpty());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<TermMatch>> task = () -> match("en", IN_FY2018, text);
            List<Future<List<TermMatch>>> results = pool.invokeAll(java.util.Collections.nCopies(8, task));
            for (Future<List<TermMatch>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void translatedSpanishTermsLoadWithTheirSourceAndALowerWeightAndOnlyOnRequest() {
        List<DictionaryTerm> translated = Dictionaries.bundledTranslatedTerms();
        assertFalse(translated.isEmpty());
        for (DictionaryTerm term : translated) {
            assertEquals(TermSources.ICD10_ES_TRANSLATED, term.source());
            assertTrue(term.weight() > 0 && term.weight() <= Dictionaries.TRANSLATED_TERM_WEIGHT, term.toString());
        }
        assertTrue(dictionaries.extraTerms(org.opencac.dictionaries.match.Language.ES, TermSources.ICD10_ES_TRANSLATED)
                .isEmpty(), "loadBundled() leaves the translated terms out");
        Dictionaries withTranslated = Dictionaries.bundledBuilder()
                .addTerms(org.opencac.dictionaries.match.Language.ES, translated).build();
        assertEquals(translated.size(), withTranslated.extraTerms(org.opencac.dictionaries.match.Language.ES,
                TermSources.ICD10_ES_TRANSLATED).size());
    }
}
