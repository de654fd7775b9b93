package org.opencac.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CodeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noFilesIsAUsageError() {
        assertEquals(2, run("--lang", "en"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no input files"));
    }

    @Test
    void unknownLanguageIsAUsageError() {
        assertEquals(2, run("--lang", "fr", "x.txt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unsupported language 'fr'"));
    }

    @Test
    void badDateIsAUsageError() {
        assertEquals(2, run("--date-of-service", "2018-13-45", "x.txt"));
    }

    @Test
    void missingFileIsReportedByName(@TempDir Path dir) {
        assertEquals(2, run(dir.resolve("absent.txt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("absent.txt"));
    }

    @Test
    void invalidUtf8IsRefused(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF});
        assertEquals(2, run(binary.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not valid UTF-8"));
    }
}
