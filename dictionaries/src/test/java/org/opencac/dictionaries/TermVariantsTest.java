package org.opencac.dictionaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.load.IndexReader.IndexEntry;

class TermVariantsTest {

    @Test
    void inflectedMainTermGivesOnePhrasePerForm() {
        List<String> phrases = TermVariants.ofIndexPath(
                new IndexEntry(List.of("Infection, infected, infective", "urinary"), "N39.0", List.of("tract")));
        assertEquals(List.of("Infection urinary", "Infection urinary tract", "infected urinary",
                "infected urinary tract", "infective urinary", "infective urinary tract"), phrases);
    }

    @Test
    void neoplasmTableCellsBecomePhrasesWithTheColumnWords() throws java.io.IOException {
        List<IndexEntry> rows;
        try (java.io.InputStream in = Fixtures.open("neoplasm_sample.xml")) {
            rows = org.opencac.dictionaries.load.IndexReader.read(in);
        }
        IndexEntry kidneyMalignant = rows.stream().filter(r -> r.code().equals("C64.-")).findFirst().orElseThrow();
        assertEquals(2, kidneyMalignant.column());
        assertEquals(List.of("Neoplasm, neoplastic", "kidney"), kidneyMalignant.titlePath());
        assertTrue(TermVariants.ofNeoplasmRow(kidneyMalignant).contains("cancer kidney"));
        IndexEntry kidneyUnspecified = rows.stream().filter(r -> r.column() == 7).findFirst().orElseThrow();
        assertTrue(TermVariants.ofNeoplasmRow(kidneyUnspecified).contains("tumor kidney"));
        IndexEntry wholeTable = rows.stream().filter(r -> r.code().equals("C80.1")).findFirst().orElseThrow();
        assertEquals(List.of(), TermVariants.ofNeoplasmRow(wholeTable), "a row without a site gives no phrase");
    }

    @Test
    void drugTableCellsBecomePhrasesForPoisoningAndAdverseEffects() {
        IndexEntry adverse = new IndexEntry(List.of("Amiodarone"), "T46.2X5", List.of(), 6);
        assertEquals(List.of("adverse effect of Amiodarone", "side effect of Amiodarone"),
                TermVariants.ofDrugRow(adverse));
        IndexEntry assault = new IndexEntry(List.of("Amiodarone"), "T46.2X3", List.of(), 4);
        assertEquals(List.of(), TermVariants.ofDrugRow(assault), "assault has no everyday wording");
    }

    @Test
    void otherMainTermsAreKeptWhole() {
        List<String> phrases = TermVariants.ofIndexPath(
                new IndexEntry(List.of("Fracture, traumatic", "femur"), "S72.9", List.of()));
        assertEquals(List.of("Fracture, traumatic femur"), phrases);
    }

    @Test
    void titleWithoutBracketsHasOneVariant() {
        assertEquals(List.of("Essential (primary) hypertension", "Essential hypertension"),
                TermVariants.ofTitle("Essential (primary) hypertension"));
        assertEquals(List.of("Cholera"), TermVariants.ofTitle("Cholera"));
    }

    @Test
    void indexCodeLosesTrailingDashAndDot() {
        assertEquals("S72.0", TermVariants.indexCode(CodeSystem.ICD10CM, "S72.0-"));
        assertEquals("E08", TermVariants.indexCode(CodeSystem.ICD10CM, "E08.-"));
        assertEquals("0DTJ", TermVariants.indexCode(CodeSystem.ICD10PCS, "0DTJ"));
    }

    @Test
    void encounterExtensionTitlesAreRecognized() {
        assertTrue(TermVariants.isEncounterExtension(new CodeEntry(CodeSystem.ICD10CM, "S72.92XA", "",
                "Unspecified fracture of left femur, initial encounter for closed fracture", true, "FY2018")));
        assertFalse(TermVariants.isEncounterExtension(new CodeEntry(CodeSystem.ICD10CM, "S72.92", "",
                "Unspecified fracture of left femur", false, "FY2018")));
    }
}
