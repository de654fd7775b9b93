package org.opencac.dictionaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.cm.NoteKind;
import org.opencac.dictionaries.match.SimpleTokenizer;
import org.opencac.dictionaries.pcs.PcsAxisValue;
import org.opencac.dictionaries.search.SearchHit;

class DictionariesTest {

    private static final LocalDate IN_FY2018 = LocalDate.of(2018, 3, 1);
    private static final LocalDate IN_FY2026 = LocalDate.of(2026, 3, 1);
    private static final Dictionaries DICTIONARIES = Fixtures.dictionaries();

    @Test
    void picksTheNewestReleaseNotAfterTheDate() {
        assertEquals("FY2018", DICTIONARIES.releaseFor(CodeSystem.ICD10CM, IN_FY2018).orElseThrow().name());
        assertEquals("FY2018", DICTIONARIES.releaseFor(CodeSystem.ICD10CM, LocalDate.of(2025, 9, 30)).orElseThrow().name());
        assertEquals("FY2026", DICTIONARIES.releaseFor(CodeSystem.ICD10CM, LocalDate.of(2025, 10, 1)).orElseThrow().name());
        assertEquals("FY2026", DICTIONARIES.releaseFor(CodeSystem.ICD10CM, null).orElseThrow().name());
        assertEquals("FY2018", DICTIONARIES.releaseFor(CodeSystem.ICD10CM, LocalDate.of(2010, 1, 1)).orElseThrow().name());
    }

    @Test
    void billableOnlyWhenTheCodeIsCompleteInTheReleaseInForce() {
        assertTrue(DICTIONARIES.isBillable(CodeSystem.ICD10CM, "E11.9", IN_FY2018));
        assertTrue(DICTIONARIES.isBillable(CodeSystem.ICD10CM, "e119", IN_FY2018), "any spelling of the code");
        assertFalse(DICTIONARIES.isBillable(CodeSystem.ICD10CM, "E11", IN_FY2018), "a category is a header");
        assertTrue(DICTIONARIES.lookup(CodeSystem.ICD10CM, "E11", IN_FY2018).isPresent());
        assertFalse(DICTIONARIES.isBillable(CodeSystem.ICD10CM, "U07.1", IN_FY2018), "added after FY2018");
        assertTrue(DICTIONARIES.isBillable(CodeSystem.ICD10CM, "U07.1", IN_FY2026));
        assertTrue(DICTIONARIES.isBillable(CodeSystem.ICD10CM, "H81.41", IN_FY2018));
        assertFalse(DICTIONARIES.isBillable(CodeSystem.ICD10CM, "H81.41", IN_FY2026), "deleted by FY2026");
    }

    @Test
    void diffListsAddedDeletedAndRetitledCodes() {
        ReleaseDiff diff = DICTIONARIES.diff(CodeSystem.ICD10CM, "FY2018", "FY2026");
        assertEquals(List.of("U07", "U07.1"), diff.added());
        assertEquals(List.of("H81.41"), diff.deleted());
        assertEquals(1, diff.retitled().size());
        ReleaseDiff.Retitled retitled = diff.retitled().get(0);
        assertEquals("A77.41", retitled.code());
        assertTrue(retitled.oldTitle().contains("chafeensis"));
        assertTrue(retitled.newTitle().contains("chaffeensis"));
    }

    @Test
    void pcsPrefixIsFoundAsHeaderWithTitleFromTheAxes() {
        CodeEntry prefix = DICTIONARIES.lookup(CodeSystem.ICD10PCS, "bw03", null).orElseThrow();
        assertFalse(prefix.billable());
        assertEquals("Imaging, Anatomical Regions, Plain Radiography, Chest", prefix.title());
        assertFalse(DICTIONARIES.lookup(CodeSystem.ICD10PCS, "BW09", null).isPresent());
        assertTrue(DICTIONARIES.isBillable(CodeSystem.ICD10PCS, "0DTJ4ZZ", null));
    }

    @Test
    void pcsPrefixHeadersAreTheSameWhenAskedAgain() {
        CodeEntry chest = DICTIONARIES.lookup(CodeSystem.ICD10PCS, "BW03", null).orElseThrow();
        CodeEntry shorter = DICTIONARIES.lookup(CodeSystem.ICD10PCS, "BW0", null).orElseThrow();
        assertEquals("BW0", shorter.code());
        assertFalse(shorter.title().equals(chest.title()), shorter.title());
        assertEquals(chest, DICTIONARIES.lookup(CodeSystem.ICD10PCS, "bw03", null).orElseThrow());
        assertEquals(shorter, DICTIONARIES.lookup(CodeSystem.ICD10PCS, "BW0", null).orElseThrow());
    }

    @Test
    void explainsAPcsCodeAxisByAxis() {
        List<PcsAxisValue> axes = DICTIONARIES.explainPcs("0DTJ4ZZ", null).orElseThrow();
        assertEquals(7, axes.size());
        assertEquals("Resection", axes.get(2).label());
        assertEquals("Approach", axes.get(4).axisTitle());
        assertEquals("Percutaneous Endoscopic", axes.get(4).label());
        assertFalse(DICTIONARIES.explainPcs("0DTJ8ZZ", null).isPresent(), "approach 8 is not in the row");
    }

    @Test
    void navigatesTheCmHierarchy() {
        assertEquals("E11.6", DICTIONARIES.parent("E11.65", IN_FY2018).orElseThrow().code());
        assertEquals("E11", DICTIONARIES.parent("E11.9", IN_FY2018).orElseThrow().code());
        assertFalse(DICTIONARIES.parent("E11", IN_FY2018).isPresent());
        assertEquals(List.of("E11.6", "E11.8", "E11.9"),
                DICTIONARIES.children("E11", IN_FY2018).stream().map(CodeEntry::code).toList());
        assertEquals(List.of("E11.6", "E11.8"),
                DICTIONARIES.siblings("E11.9", IN_FY2018).stream().map(CodeEntry::code).toList());
        assertEquals(List.of("E11.649", "E11.65", "E11.8", "E11.9"),
                DICTIONARIES.billableDescendants("E11", IN_FY2018).stream().map(CodeEntry::code).toList());
    }

    @Test
    void excludes1CodesAreRememberedAndCannotBeChangedByACaller() {
        List<String> first = DICTIONARIES.excludes1Codes("E11.9");
        assertEquals(List.of("O24.4", "E10"), first);
        org.junit.jupiter.api.Assertions.assertSame(first, DICTIONARIES.excludes1Codes("E11.9"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> first.add("X"));
        assertEquals(List.of(), DICTIONARIES.excludes1Codes("NOT-A-CODE"));
    }

    @Test
    void notesOfAncestorsApplyToTheirDescendants() {
        List<Dictionaries.Note> excludes1 = DICTIONARIES.notes("E11.65", NoteKind.EXCLUDES1);
        assertEquals(2, excludes1.size());
        assertEquals("E11", excludes1.get(0).nodeId());
        assertEquals(List.of("O24.4", "E10"), DICTIONARIES.excludes1Codes("E11.65"));
        assertEquals(List.of("chapter 4"),
                DICTIONARIES.notes("E11.9", NoteKind.EXCLUDES2).stream().map(Dictionaries.Note::nodeId).toList());
        assertEquals(List.of("E11.9", "E11", "E08-E13", "chapter 4"),
                DICTIONARIES.tabularLineage("E11.9").stream().map(n -> n.id()).toList());
        assertEquals("Diabetes mellitus (E08-E13)", DICTIONARIES.tabularLineage("E11.9").get(2).title());
        assertEquals("E08-E13", DICTIONARIES.section("E11.649").orElseThrow().id(), "a code the XML does not list");
        assertEquals("chapter 9", DICTIONARIES.chapter("I10").orElseThrow().id());
    }

    @Test
    void textSearchFindsCodesByTitleAndTerms() {
        List<SearchHit> hits = DICTIONARIES.search("high blood pressure", "en", IN_FY2018, 3);
        assertEquals("I10", hits.get(0).code());
        List<SearchHit> stemmed = DICTIONARIES.search("Diabetes, hyperglycemias", "en", IN_FY2018, 3);
        assertEquals("E11.65", stemmed.get(0).code());
    }

    @Test
    void indexPathWithNonEssentialModifierMatchesTheBillableCode() {
        String text = "Known type 2 diabetes mellitus.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        List<TermMatch> matches = DICTIONARIES.matcher("en", IN_FY2018).match(text, tokens.starts(), tokens.ends());
        TermMatch billable = matches.stream().filter(m -> m.code().equals("E11.9")).findFirst().orElseThrow();
        assertEquals("type 2 diabetes mellitus", text.substring(billable.start(), billable.end()));
        assertEquals(TermSources.INDEX, billable.termSource());
        assertTrue(matches.stream().anyMatch(m -> m.code().equals("E11") && m.score() == 1.0), "the header title too");
    }

    @Test
    void inclusionTermsAreEnglishTerms() {
        String text = "high blood pressure";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        TermMatch match = DICTIONARIES.matcher("en", IN_FY2018).match(text, tokens.starts(), tokens.ends()).get(0);
        assertEquals("I10", match.code());
        assertEquals(TermSources.INCLUSION_TERM, match.termSource());
    }

    @Test
    void cptFileBecomesAReleaseAndEnglishTerms() {
        assertTrue(DICTIONARIES.isBillable(CodeSystem.CPT, "99213", null));
        String text = "Blood drawn from a vein today.";
        List<TermMatch> matches = DICTIONARIES.matcher("en", null)
                .match(text, org.opencac.dictionaries.match.SimpleTokenizer.tokenize(text).starts(),
                        org.opencac.dictionaries.match.SimpleTokenizer.tokenize(text).ends());
        assertTrue(matches.stream().anyMatch(m -> m.code().equals("36415") && m.termSource().equals(TermSources.CPT_USER)));
    }

    @Test
    void scaledTermsKeepEverythingButTheWeight() {
        DictionaryTerm term = new DictionaryTerm(CodeSystem.ICD10CM, "E11.9", "diabetes tipo 2", "some-source", 0.8);
        DictionaryTerm half = Dictionaries.scaled(List.of(term), 0.5).get(0);
        assertEquals(new DictionaryTerm(CodeSystem.ICD10CM, "E11.9", "diabetes tipo 2", "some-source", 0.4), half);
    }
}
