package org.opencac.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Language;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Note;

/**
 * Properties of the whole pipeline on the bundled dictionaries and models, checked on generated notes (plain JUnit
 * parameterised tests): whatever the text (any Unicode including astral characters and lone surrogates, control
 * characters, very long tokens, 1 MB notes), coding never throws, every evidence and mention offset lies inside the
 * text and points at exactly its text, suggestions come best first and every confidence is in [0, 1].
 *
 * <p>Each property draws its cases from a {@link Random} seeded with {@link #SEED} and the property's name; every case
 * gets its own seed, shown in its test name and at the start of any failure ({@code anyUnicode case 17/300
 * seed=...}). The generators below are deterministic functions of a {@code Random}, so
 * {@code anyUnicodeNote(new Random(seed))} rebuilds a failing case exactly. {@code -Dopencac.fuzz.seed=N} draws a
 * different set of cases.
 */
class PipelinePropertiesTest {
    static final long SEED = Long.getLong("opencac.fuzz.seed", 20_260_301L);

    /** Built once for all properties (takes seconds). */
    private static final class Engine {
        static final CodingEngine INSTANCE = CodingEngine.createDefault();
    }

    private static final List<String> CLINICAL = List.of("essential hypertension", "Type 2 diabetes mellitus",
            "denies chest pain", "no fever", "history of breast cancer", "COPD", "CHF", "rule out pneumonia",
            "hipertensión arterial", "diabetes mellitus tipo 2", "no presenta fiebre", "dolor torácico",
            "PAST MEDICAL HISTORY:", "ASSESSMENT AND PLAN:", "1.", "mother with", "s/p appendectomy", "b.i.d.",
            "BP 150/92", "x-ray", "Dr.", "e.g.", "\n\n", "\r\n", "\t", " ", ". ", ", ", "(", ")", ":");

    /** Code points worth hitting on purpose: DEL, NEL, NBSP, zero-width space, separators, BOM, lone surrogates... */
    private static final int[] SPECIAL_CODE_POINTS = {0x7F, 0x85, 0xA0, 0x200B, 0x2028, 0x2029, 0xFEFF, 0xFFFD,
            0xD800, 0xDFFF, 0x0301, 0x0130, 0x00DF, 0xFB01};

    private static final LocalDate[] DATES = {LocalDate.of(2018, 3, 1), LocalDate.of(2026, 3, 1),
            LocalDate.of(1990, 1, 1)};

    // ------------------------------------------------------------------ case streams

    static Stream<Case> anyUnicode() {
        return cases("anyUnicode", 300, PipelinePropertiesTest::anyUnicodeNote);
    }

    static Stream<Case> clinicalMixedWithNoise() {
        return cases("clinicalMixedWithNoise", 400, PipelinePropertiesTest::clinicalNoiseNote);
    }

    static Stream<Case> veryLongTokens() {
        return cases("veryLongTokens", 25, PipelinePropertiesTest::veryLongTokenNote);
    }

    static Stream<Case> megabyteNotes() {
        return cases("megabyteNotes", 3, PipelinePropertiesTest::megabyteNote);
    }

    /** One generated note; its name (index and seed) is the test's display name and prefixes any failure. */
    record Case(String name, Note note) {
        @Override
        public String toString() {
            return name + " " + note;
        }
    }

    /**
     * {@code count} cases, generated lazily (a 1 MB note exists only while its case runs), each named with its index
     * and its own seed.
     */
    private static Stream<Case> cases(String property, int count, Function<Random, Note> generator) {
        long[] caseSeeds = new Random(SEED ^ property.hashCode()).longs(count).toArray();
        return IntStream.range(0, count).mapToObj(i -> new Case(property + " case " + (i + 1) + "/" + count
                + " seed=" + caseSeeds[i], generator.apply(new Random(caseSeeds[i]))));
    }

    // ------------------------------------------------------------------ generators

    /** Picks an index with probability proportional to its weight. */
    private static int weighted(Random random, int... weights) {
        int total = IntStream.of(weights).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** A size in [min, max], ending up on either bound more often than uniform drawing would. */
    private static int size(Random random, int min, int max) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return min;
        }
        if (roll == 1) {
            return max;
        }
        return min + random.nextInt(max - min + 1);
    }

    private static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Any code point, including astral planes, lone surrogates, controls and unassigned ones. */
    private static String codePoint(Random random) {
        int codePoint = switch (weighted(random, 5, 3, 2, 1)) {
            case 0 -> random.nextInt(Character.MAX_CODE_POINT + 1);
            case 1 -> 0x1F300 + random.nextInt(0x1FAFF - 0x1F300 + 1); // emoji (astral)
            case 2 -> random.nextInt(0x20); // C0 controls
            default -> SPECIAL_CODE_POINTS[random.nextInt(SPECIAL_CODE_POINTS.length)];
        };
        return Character.toString(codePoint);
    }

    private static String codePoints(Random random, int maxCount) {
        StringBuilder text = new StringBuilder();
        for (int n = size(random, 0, maxCount); n > 0; n--) {
            text.append(codePoint(random));
        }
        return text.toString();
    }

    /** Characters drawn from [from, to] (UTF-16 units, so the full range includes lone surrogates). */
    private static String chars(Random random, int minLength, int maxLength, char from, char to) {
        char[] chars = new char[size(random, minLength, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (from + random.nextInt(to - from + 1));
        }
        return new String(chars);
    }

    private static String alpha(Random random, int maxLength) {
        char[] chars = new char[size(random, 0, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            int letter = random.nextInt(52);
            chars[i] = (char) (letter < 26 ? 'a' + letter : 'A' + letter - 26);
        }
        return new String(chars);
    }

    /** A clinical phrase, some code points, letters, or any UTF-16 units. */
    private static String fragment(Random random) {
        return switch (weighted(random, 4, 3, 2, 1)) {
            case 0 -> oneOf(random, CLINICAL);
            case 1 -> codePoints(random, 12);
            case 2 -> alpha(random, 15);
            default -> chars(random, 0, 10, Character.MIN_VALUE, Character.MAX_VALUE);
        };
    }

    private static String fragments(Random random, int minCount, int maxCount) {
        StringBuilder text = new StringBuilder();
        for (int n = size(random, minCount, maxCount); n > 0; n--) {
            text.append(fragment(random));
        }
        return text.toString();
    }

    /** The text with a random language, encounter type and date of service (absent 30% of the time). */
    private static Note note(Random random, String text) {
        Language language = Language.values()[random.nextInt(Language.values().length)];
        EncounterType encounter = EncounterType.values()[random.nextInt(EncounterType.values().length)];
        LocalDate date = random.nextDouble() < 0.3 ? null : DATES[random.nextInt(DATES.length)];
        return new Note("p", text, encounter, date, language);
    }

    static Note anyUnicodeNote(Random random) {
        return note(random, codePoints(random, 400));
    }

    static Note clinicalNoiseNote(Random random) {
        return note(random, fragments(random, 0, 80));
    }

    /** A clinical phrase, one token of 1,000 to 200,000 units (a repeated code point, or 10k-100k letters), a phrase. */
    static Note veryLongTokenNote(Random random) {
        String token;
        if (random.nextBoolean()) {
            String unit = codePoint(random);
            int times = size(random, 1_000, 200_000);
            token = unit.repeat(Math.max(1, times / unit.length()));
        } else {
            token = chars(random, 10_000, 100_000, 'a', 'z');
        }
        String phrase = oneOf(random, CLINICAL);
        return note(random, phrase + " " + token + " " + phrase + ".");
    }

    /** 20 to 60 fragments repeated, with sentence breaks, until the note holds 1 MiB of UTF-16 units. */
    static Note megabyteNote(Random random) {
        int count = size(random, 20, 60);
        String[] parts = new String[count];
        for (int i = 0; i < count; i++) {
            parts[i] = fragment(random);
        }
        StringBuilder text = new StringBuilder(1 << 20);
        for (int i = 0; text.length() < (1 << 20); i++) {
            text.append(parts[i % count]).append(i % 7 == 0 ? ".\n" : " ");
        }
        return note(random, text.toString());
    }

    // ------------------------------------------------------------------ properties

    @ParameterizedTest(name = "{0}")
    @MethodSource("anyUnicode")
    void anyUnicodeTextIsCodedSafely(Case generated) {
        checkInvariants(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clinicalMixedWithNoise")
    void clinicalPhrasesAmongNoiseAreCodedSafely(Case generated) {
        checkInvariants(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("veryLongTokens")
    void veryLongTokensAreCodedSafely(Case generated) {
        checkInvariants(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("megabyteNotes")
    void megabyteNotesAreCodedSafely(Case generated) {
        checkInvariants(generated);
    }

    /** Runs the checks, naming the case (and so its seed) in any failure. */
    private static void checkInvariants(Case generated) {
        try {
            checkInvariants(generated.note());
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(generated + ": " + failure, failure);
        }
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
