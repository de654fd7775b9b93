package org.opencac.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Language;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Note;

/**
 * Property-based tests of the whole pipeline on the bundled dictionaries and models: whatever the text (any Unicode
 * including astral characters and lone surrogates, control characters, very long tokens, 1 MB notes), coding never
 * throws, every evidence and mention offset lies inside the text and points at exactly its text, suggestions come best
 * first and every confidence is in [0, 1].
 */
class PipelinePropertiesTest {
    /** Built once for all properties (takes seconds). */
    private static final class Engine {
        static final CodingEngine INSTANCE = CodingEngine.createDefault();
    }

    private static final List<String> CLINICAL = List.of("essential hypertension", "Type 2 diabetes mellitus",
            "denies chest pain", "no fever", "history of breast cancer", "COPD", "CHF", "rule out pneumonia",
            "hipertensión arterial", "diabetes mellitus tipo 2", "no presenta fiebre", "dolor torácico",
            "PAST MEDICAL HISTORY:", "ASSESSMENT AND PLAN:", "1.", "mother with", "s/p appendectomy", "b.i.d.",
            "BP 150/92", "x-ray", "Dr.", "e.g.", "\n\n", "\r\n", "\t", " ", ". ", ", ", "(", ")", ":");

    // ------------------------------------------------------------------ generators

    /** Any code point, including astral planes, lone surrogates, controls and unassigned ones. */
    private static Arbitrary<String> codePoint() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 0x10FFFF)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x1F300, 0x1FAFF)), // emoji (astral)
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0x1F)), // C0 controls
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0x7F, 0x85, 0xA0, 0x200B, 0x2028, 0x2029, 0xFEFF, 0xFFFD,
                        0xD800, 0xDFFF, 0x0301, 0x0130, 0x00DF, 0xFB01)))
                .map(Character::toString);
    }

    private static Arbitrary<String> fragment() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(CLINICAL)),
                net.jqwik.api.Tuple.of(3, codePoint().list().ofMaxSize(12).map(l -> String.join("", l))),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().alpha().ofMaxLength(15)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(10)));
    }

    private static Arbitrary<Note> notes(Arbitrary<String> texts) {
        Arbitrary<LocalDate> dates = Arbitraries.of(LocalDate.of(2018, 3, 1), LocalDate.of(2026, 3, 1),
                LocalDate.of(1990, 1, 1)).injectNull(0.3);
        return Combinators.combine(texts, Arbitraries.of(Language.class), Arbitraries.of(EncounterType.class), dates)
                .as((text, language, encounter, date) -> new Note("p", text, encounter, date, language));
    }

    @Provide
    Arbitrary<Note> anyUnicode() {
        return notes(codePoint().list().ofMaxSize(400).map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<Note> clinicalMixedWithNoise() {
        return notes(fragment().list().ofMaxSize(80).map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<Note> veryLongTokens() {
        Arbitrary<String> token = Combinators.combine(codePoint(), Arbitraries.integers().between(1_000, 200_000))
                .as((unit, times) -> unit.repeat(Math.max(1, times / unit.length())));
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(10_000)
                .ofMaxLength(100_000);
        return notes(Combinators.combine(Arbitraries.oneOf(token, letters), Arbitraries.of(CLINICAL))
                .as((longToken, phrase) -> phrase + " " + longToken + " " + phrase + "."));
    }

    @Provide
    Arbitrary<Note> megabyteNotes() {
        return notes(fragment().list().ofMinSize(20).ofMaxSize(60).map(parts -> {
            StringBuilder text = new StringBuilder(1 << 20);
            for (int i = 0; text.length() < (1 << 20); i++) {
                text.append(parts.get(i % parts.size())).append(i % 7 == 0 ? ".\n" : " ");
            }
            return text.toString();
        }));
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 300)
    void anyUnicodeTextIsCodedSafely(@ForAll("anyUnicode") Note note) {
        checkInvariants(note);
    }

    @Property(tries = 400)
    void clinicalPhrasesAmongNoiseAreCodedSafely(@ForAll("clinicalMixedWithNoise") Note note) {
        checkInvariants(note);
    }

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    void veryLongTokensAreCodedSafely(@ForAll("veryLongTokens") Note note) {
        checkInvariants(note);
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF)
    void megabyteNotesAreCodedSafely(@ForAll("megabyteNotes") Note note) {
        checkInvariants(note);
    }

    private static void checkInvariants(Note note) {
        String text = note.text();
        CodingResult result = Engine.INSTANCE.code(note); // must not throw
        checkSuggestions(text, result.suggestions());
        checkSuggestions(text, result.ranked());
        for (Mention mention : result.mentions()) {
            int start = mention.span().start();
            int end = mention.span().end();
            assertTrue(0 <= start && start <= end && end <= text.length(), "mention span " + mention.span());
            assertEquals(text.substring(start, end), mention.text());
        }
    }

    private static void checkSuggestions(String text, List<CodeSuggestion> suggestions) {
        double previous = Double.POSITIVE_INFINITY;
        for (CodeSuggestion suggestion : suggestions) {
            double confidence = suggestion.confidence();
            assertTrue(confidence >= 0.0 && confidence <= 1.0, "confidence " + confidence);
            assertTrue(confidence <= previous, "not sorted by confidence: " + confidence + " after " + previous);
            previous = confidence;
            for (Evidence evidence : suggestion.evidence()) {
                assertTrue(0 <= evidence.start() && evidence.start() <= evidence.end()
                        && evidence.end() <= text.length(),
                        "evidence [" + evidence.start() + ", " + evidence.end() + ") outside text of length "
                                + text.length() + " for " + suggestion.code());
                assertEquals(text.substring(evidence.start(), evidence.end()), evidence.text(), suggestion.code());
            }
        }
    }
}
