package org.opencac.service.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencac.core.CodingResult;
import org.opencac.core.NoteCoder;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Note;
import org.opencac.dictionaries.CodeSystem;

/** Deterministic stand-in for the engine: finds a few fixed phrases, one suggestion per phrase found. */
public class FakeNoteCoder implements NoteCoder {
    public static final String VERSION = "fake-coder-1";
    /** A note containing this makes the coder fail with the note text in its message, as a careless engine might. */
    public static final String FAIL_TRIGGER = "TRIGGER-ENGINE-FAILURE";

    private record Phrase(String text, String code, String description, double confidence) {
    }

    private static final List<Phrase> PHRASES = List.of(
            new Phrase("essential hypertension", "I10", "Essential (primary) hypertension", 0.93),
            new Phrase("type 2 diabetes", "E11.9", "Type 2 diabetes mellitus without complications", 0.81),
            new Phrase("chest pain", "R07.9", "Chest pain, unspecified", 0.64));

    @Override
    public CodingResult code(Note note) {
        if (note.text().contains(FAIL_TRIGGER)) {
            throw new IllegalStateException("cannot code: " + note.text());
        }
        String lower = note.text().toLowerCase(Locale.ROOT);
        List<CodeSuggestion> found = new ArrayList<>();
        for (Phrase phrase : PHRASES) {
            List<Evidence> evidence = new ArrayList<>();
            for (int at = lower.indexOf(phrase.text()); at >= 0; at = lower.indexOf(phrase.text(), at + 1)) {
                evidence.add(Evidence.of(note.text(), at, at + phrase.text().length()));
            }
            if (!evidence.isEmpty()) {
                found.add(new CodeSuggestion(CodeSystem.ICD10CM, phrase.code(), phrase.description(),
                        phrase.confidence(), evidence, Assertion.PRESENT, "phrase '" + phrase.text() + "' found",
                        "fake", "FY2018"));
            }
        }
        return new CodingResult(found, found, List.of(), null);
    }

    @Override
    public String version() {
        return VERSION;
    }
}
