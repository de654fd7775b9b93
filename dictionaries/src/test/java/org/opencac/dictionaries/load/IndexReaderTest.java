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

    @Test
    void seeReferencesTakeTheCodeOfTheirTargetPath() throws IOException {
        IndexReader.IndexContent content;
        try (InputStream in = Fixtures.open("index_sample.xml")) {
            content = IndexReader.readWithReferences(in);
        }
        assertEquals(List.of(new IndexReader.SeeReference(List.of("Hyperglycemia"), "Diabetes")), content.references());
        List<IndexEntry> resolved;
        try (InputStream in = Fixtures.open("index_sample.xml")) {
            resolved = IndexReader.readResolvingReferences(in);
        }
        assertEquals(5, resolved.size());
        assertTrue(resolved.contains(new IndexEntry(List.of("Hyperglycemia"), "E11.9")),
                "the main term 'Diabetes, diabetic' is found by its first form");
    }
}
