package org.opencac.core.model;

/** A piece of the note that supports a suggestion: {@code text} equals {@code note.text().substring(start, end)}. */
public record Evidence(int start, int end, String text) {
    public static Evidence of(String noteText, int start, int end) {
        return new Evidence(start, end, noteText.substring(start, end));
    }

    public Span span() {
        return new Span(start, end);
    }
}
