package org.opencac.dictionaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.Fixtures;
import org.opencac.dictionaries.load.IndexReader.IndexEntry;

class IndexReaderTest {

    @Test
    void buildsTitlePathsWithoutNonEssentialModifiers() throws IOException {
        List<IndexEntry> entries;
        try (InputStream in = Fixtures.open("index_sample.xml")) {
            entries = IndexReader.read(in);
        }
        assertTrue(entries.contains(new IndexEntry(List.of("Diabetes, diabetic"), "E11.9", List.of("mellitus", "sugar"))));
        assertTrue(entries.contains(new IndexEntry(List.of("Diabetes, diabetic", "type 2"), "E11.9", List.of("mellitus", "sugar"))));
        assertTrue(entries.contains(
                new IndexEntry(List.of("Diabetes, diabetic", "type 2", "with", "hyperglycemia"), "E11.65",
                        List.of())), "main-term modifiers are not repeated on deep paths");
        assertTrue(entries.contains(new IndexEntry(List.of("Hypertension, hypertensive"), "I10",
                List.of("accelerated", "benign"))));
        assertEquals(4, entries.size(), "a 'see' reference without a code yields nothing");
    }
}
