package org.opencac.dictionaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.Fixtures;

class CptFileLoaderTest {

    @Test
    void readsCodesDescriptionsAndTermsSkippingHeaderAndComments() throws IOException {
        List<CptFileLoader.CptRecord> records;
        try (InputStream in = Fixtures.open("cpt_sample.tsv")) {
            records = CptFileLoader.read(in);
        }
        assertEquals(2, records.size());
        assertEquals("99213", records.get(0).code());
        assertEquals(List.of("follow up visit", "return visit"), records.get(0).terms());
        assertEquals("blood drawn from a vein", records.get(1).description());
        assertEquals(List.of(), records.get(1).terms());
    }

    @Test
    void rejectsLinesWithoutAValidCode() {
        InputStream in = new ByteArrayInputStream("ABC\tsomething\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> CptFileLoader.read(in));
    }

    @Test
    void bundledSampleIsMarkedNotOfficial() throws IOException {
        try (InputStream in = CptFileLoader.class.getResourceAsStream(
                "/org/opencac/dictionaries/cpt/cpt_opencac_sample.tsv")) {
            for (CptFileLoader.CptRecord record : CptFileLoader.read(in)) {
                assertEquals(true, record.description().startsWith("[not official]"), record.code());
            }
        }
    }
}
