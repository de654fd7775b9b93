package org.opencac.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void printsAtMostOncePerIntervalAndAFinalLine() {
        AtomicLong clock = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress("coding", 10, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::get, 2_000_000_000L);
        for (int i = 0; i < 9; i++) {
            clock.addAndGet(500_000_000L); // half a second per document
            progress.step();
        }
        progress.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // steps at 2.0 s and 4.0 s print (docs 4 and 8), then the final line
        assertEquals(3, lines.length);
        assertEquals("coding: 4/10 (2.0 docs/s, 2.0 s)", lines[0]);
        assertTrue(lines[2].startsWith("coding: 9/10") && lines[2].endsWith("done"));
    }
}
