package org.opencac.dictionaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault 2c at the dictionary level: a licensed CPT file on a custom path that is missing or corrupt is named. */
class CptFileFaultTest {
    @TempDir
    Path dir;

    @Test
    void wellFormedFileLoads() throws IOException {
        Path file = dir.resolve("cpt.tsv");
        Files.writeString(file, "code\tdescription\n99213\tOffice visit, established patient, low complexity\n",
                StandardCharsets.UTF_8);
        Dictionaries dictionaries = Dictionaries.builder().addCptFile(file, "2026").build();
        assertEquals("99213", dictionaries.lookup(CodeSystem.CPT, "99213", null).orElseThrow().code());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("no-such-cpt.tsv");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Dictionaries.builder().addCptFile(file, "2026"));
        assertEquals("Missing CPT file: " + file, e.getMessage());
    }

    @Test
    void corruptFileIsNamedWithTheLine() throws IOException {
        Path file = dir.resolve("cpt.tsv");
        Files.write(file, new byte[] {'9', '9', '2', '1', '3', '\t', 'x', '\n', (byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Dictionaries.builder().addCptFile(file, "2026"));
        assertTrue(e.getMessage().startsWith("Corrupt or unreadable CPT file: " + file), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
