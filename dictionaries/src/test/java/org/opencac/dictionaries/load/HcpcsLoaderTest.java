package org.opencac.dictionaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.Fixtures;

class HcpcsLoaderTest {

    private static List<HcpcsLoader.HcpcsRecord> records() throws IOException {
        try (InputStream in = Fixtures.open("hcpcs_sample.txt")) {
            return HcpcsLoader.read(in);
        }
    }

    @Test
    void skipsDisclaimerAndModifiersAndReadsProcedureCodes() throws IOException {
        List<String> codes = records().stream().map(HcpcsLoader.HcpcsRecord::code).toList();
        assertEquals(List.of("A4206", "A0080", "A4466"), codes);
    }

    @Test
    void joinsContinuationRecordsIntoTheLongDescription() throws IOException {
        HcpcsLoader.HcpcsRecord record = records().get(1);
        assertEquals("Non-emergency transportation, per mile - vehicle provided by volunteer "
                + "(individual or organization), with no vested interest", record.longTitle());
        assertEquals("Noninterest escort in non er", record.shortTitle());
    }

    @Test
    void readsAddAndTerminationDates() throws IOException {
        HcpcsLoader.HcpcsRecord terminated = records().get(2);
        assertEquals(LocalDate.of(2010, 1, 1), terminated.validity().added());
        assertEquals(LocalDate.of(2016, 12, 31), terminated.validity().terminated());
        assertTrue(terminated.validity().isInForceOn(LocalDate.of(2016, 12, 31)));
        assertFalse(terminated.validity().isInForceOn(LocalDate.of(2017, 1, 1)));
        assertFalse(terminated.validity().isInForceOn(LocalDate.of(2009, 12, 31)));
        assertNull(records().get(0).validity().terminated());
    }
}
