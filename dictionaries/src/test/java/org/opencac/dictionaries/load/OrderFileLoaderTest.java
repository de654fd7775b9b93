package org.opencac.dictionaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Fixtures;

class OrderFileLoaderTest {

    @Test
    void readsCodesFlagsAndTitlesOfTheCmOrderFile() throws IOException {
        List<CodeEntry> entries;
        try (InputStream in = Fixtures.open("icd10cm_order_2018_sample.txt")) {
            entries = OrderFileLoader.read(in, CodeSystem.ICD10CM, "FY2018");
        }
        CodeEntry category = entries.stream().filter(e -> e.code().equals("E11")).findFirst().orElseThrow();
        CodeEntry billable = entries.stream().filter(e -> e.code().equals("E11.9")).findFirst().orElseThrow();
        assertFalse(category.billable());
        assertTrue(billable.billable());
        assertEquals("Type 2 diabetes mellitus without complications", billable.title());
        assertEquals("FY2018", billable.release());
        assertTrue(entries.stream().anyMatch(e -> e.code().equals("E11.649")), "dot goes after the third character");
        assertTrue(entries.stream().anyMatch(e -> e.code().equals("I10")), "3-character codes have no dot");
    }

    @Test
    void pcsCodesKeepSevenCharactersWithoutDot() throws IOException {
        List<CodeEntry> entries;
        try (InputStream in = Fixtures.open("icd10pcs_order_2026_sample.txt")) {
            entries = OrderFileLoader.read(in, CodeSystem.ICD10PCS, "FY2026");
        }
        assertTrue(entries.stream().anyMatch(e -> e.code().equals("0DTJ0ZZ") && e.billable()));
        assertTrue(entries.stream().anyMatch(e -> e.code().equals("BW0") && !e.billable()));
    }

    @Test
    void rejectsLinesTooShortForTheLayout() {
        InputStream in = new ByteArrayInputStream("00001 A00     0 Cholera\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IOException.class, () -> OrderFileLoader.read(in, CodeSystem.ICD10CM, "x"));
    }
}
