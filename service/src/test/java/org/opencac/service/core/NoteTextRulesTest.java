package org.opencac.service.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoteTextRulesTest {
    private static int statusOf(String text, int maxBytes) {
        ApiException e = assertThrows(ApiException.class, () -> NoteTextRules.check("text", text, maxBytes));
        return e.getResponse().getStatus();
    }

    @Test
    void acceptsOrdinaryClinicalText() {
        NoteTextRules.check("text", "Dx: HTA esencial.\r\n\tSeguimiento en 3 meses. \uD83D\uDE00", 1000);
    }

    @Test
    void limitCountsUtf8BytesNotCharacters() {
        String accents = "\u00e9".repeat(600); // 600 characters, 1200 bytes
        assertEquals(413, statusOf(accents, 1000));
        NoteTextRules.check("text", "e".repeat(1000), 1000);
    }

    @Test
    void refusesEmptyBinaryAndBrokenText() {
        assertEquals(422, statusOf(null, 100));
        assertEquals(422, statusOf("   \n ", 100));
        assertEquals(422, statusOf("a\u0000b", 100));
        assertEquals(422, statusOf("a\u001Bb", 100));
        assertEquals(422, statusOf("bad \uFFFD bytes", 100));
        assertEquals(422, statusOf("lone \uD800 surrogate", 100));
        assertEquals(422, statusOf("lone \uDC00 low", 100));
    }

    @Test
    void messagesGiveTheOffsetButNotTheText() {
        ApiException e = assertThrows(ApiException.class,
                () -> NoteTextRules.check("text", "private words\u0000", 100));
        assertTrue(e.getMessage().contains("offset 13"), e.getMessage());
        assertTrue(!e.getMessage().contains("private"));
    }
}
