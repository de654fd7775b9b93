package org.opencac.service.core;

import java.nio.charset.StandardCharsets;

/** What a note text must satisfy before it is coded or stored. Messages never quote the text. */
public final class NoteTextRules {
    private NoteTextRules() {
    }

    /** Throws a 4xx {@link ApiException} naming {@code field} when the text is not acceptable. */
    public static void check(String field, String text, int maxBytes) {
        if (text == null || text.isBlank()) {
            throw ApiException.unprocessable(field + " must be a non-empty note text");
        }
        // Cheap bound first: a UTF-8 character takes at least one byte.
        if (text.length() > maxBytes || text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw ApiException.tooLarge(field + " is larger than the limit of " + maxBytes + " bytes");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                throw ApiException.unprocessable(field + " contains a binary/control character at offset " + i
                        + "; send plain text");
            }
            if (c == '\uFFFD') {
                // The replacement character is what undecodable bytes turn into: the client sent non-UTF-8 data.
                throw ApiException.unprocessable(field + " contains an undecodable character (U+FFFD) at offset "
                        + i + "; send UTF-8 text");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw ApiException.unprocessable(field + " contains an unpaired surrogate at offset " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw ApiException.unprocessable(field + " contains an unpaired surrogate at offset " + i);
            }
        }
    }
}
