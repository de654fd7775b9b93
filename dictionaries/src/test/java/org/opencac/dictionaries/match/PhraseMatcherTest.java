package org.opencac.dictionaries.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;

class PhraseMatcherTest {

    private static final PhraseMatcher ENGLISH = new PhraseMatcher.Builder(Language.EN,
            new Abbreviations(Map.of("htn", List.of("hypertension"), "mi", List.of("myocardial infarction"),
                    "s/p", List.of("status post")), Set.of("mi")))
            .add(term("S72.92", "Fracture of left femur"), "R1")
            .add(term("I10", "Hypertension"), "R1")
            .add(term("I21.9", "Acute myocardial infarction"), "R1")
            .add(term("I25.2", "Old myocardial infarction"), "R1")
            .add(term("E11.9", "Type 2 diabetes mellitus"), "R1")
            .add(term("E11.65", "Type 2 diabetes mellitus with hyperglycemia"), "R1")
            .add(term("Z98.89", "status post surgery"), "R1")
            .add(term("R10.9", "abdominal pain"), "R1")
            .build();

    private static final PhraseMatcher SPANISH = new PhraseMatcher.Builder(Language.ES,
            new Abbreviations(Map.of("hta", List.of("hipertension arterial")), Set.of()))
            .add(term("I10", "hipertensión arterial"), "R1")
            .add(term("N20.0", "litiasis renal"), "R1")
            .add(term("J18.9", "neumonía del lóbulo inferior"), "R1")
            .build();

    private static DictionaryTerm term(String code, String text) {
        return new DictionaryTerm(CodeSystem.ICD10CM, code, text, "test", 1.0);
    }

    private static List<TermMatch> match(PhraseMatcher matcher, String text) {
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        List<TermMatch> matches = matcher.match(text, tokens.starts(), tokens.ends());
        for (TermMatch match : matches) {
            assertEquals(match.end() - match.start(), text.substring(match.start(), match.end()).length());
        }
        return matches;
    }

    private static TermMatch only(List<TermMatch> matches, String code) {
        List<TermMatch> found = matches.stream().filter(m -> m.code().equals(code)).toList();
        assertEquals(1, found.size(), "matches for " + code + ": " + matches);
        return found.get(0);
    }

    @Test
    void exactMatchHasExactOffsetsAndFullScore() {
        String text = "Pt has a fracture of left femur.";
        TermMatch match = only(match(ENGLISH, text), "S72.92");
        assertEquals("fracture of left femur", text.substring(match.start(), match.end()));
        assertEquals(1.0, match.score());
        assertEquals("R1", match.release());
        assertEquals("Fracture of left femur", match.term());
    }

    @Test
    void toleratesWordOrderAndDroppedFillerWithLowerScore() {
        String text = "Left femur fracture after a fall";
        TermMatch match = only(match(ENGLISH, text), "S72.92");
        assertEquals("Left femur fracture", text.substring(match.start(), match.end()));
        assertTrue(match.score() < 1.0);
    }

    @Test
    void toleratesAnExtraFillerWord() {
        String text = "fracture of the left femur";
        TermMatch match = only(match(ENGLISH, text), "S72.92");
        assertEquals(text, text.substring(match.start(), match.end()));
        assertEquals(0.9, match.score(), 1e-9);
    }

    @Test
    void pluralAndCaseAndAccentsAreNormalized() {
        String text = "FRACTURES OF LEFT FEMUR";
        assertEquals(0, only(match(ENGLISH, text), "S72.92").start());
        String spanish = "Antecedentes: litiasis renales e Hipertensión Arterial.";
        TermMatch stones = only(match(SPANISH, spanish), "N20.0");
        assertEquals("litiasis renales", spanish.substring(stones.start(), stones.end()));
        TermMatch pressure = only(match(SPANISH, spanish), "I10");
        assertEquals("Hipertensión Arterial", spanish.substring(pressure.start(), pressure.end()));
    }

    @Test
    void spanishFillerWordsMayBeDropped() {
        String text = "neumonía lóbulo inferior derecho";
        TermMatch match = only(match(SPANISH, text), "J18.9");
        assertEquals("neumonía lóbulo inferior", text.substring(match.start(), match.end()));
        assertEquals(0.9, match.score(), 1e-9);
    }

    @Test
    void abbreviationsStandForTheirExpansion() {
        String text = "History: HTN, MI in 2015.";
        TermMatch pressure = only(match(ENGLISH, text), "I10");
        assertEquals("HTN", text.substring(pressure.start(), pressure.end()));
        assertTrue(pressure.score() < 1.0);
        assertEquals(0, match(ENGLISH, text).stream().filter(m -> m.code().equals("I21.9")).count(),
                "MI alone is not acute MI");
        assertEquals(2, match(ENGLISH, "Acute MI").size() + match(ENGLISH, "old MI").size());
        TermMatch spanish = only(match(SPANISH, "Paciente con HTA."), "I10");
        assertEquals(13, spanish.start());
    }

    @Test
    void synonymPhrasesAreOrdinaryWordsForTheOfficialOnes() {
        PhraseMatcher matcher = new PhraseMatcher.Builder(Language.EN, Abbreviations.empty(),
                new Abbreviations(Map.of("x ray", List.of("plain radiography")), Set.of()))
                .add(new DictionaryTerm(CodeSystem.ICD10PCS, "BW03ZZZ", "Plain Radiography of Chest", "test", 1.0), "R1")
                .build();
        String text = "Chest X-ray was normal; plain radiography of chest repeated.";
        List<TermMatch> matches = match(matcher, text);
        assertEquals(2, matches.size(), matches.toString());
        assertEquals("Chest X-ray", text.substring(matches.get(0).start(), matches.get(0).end()));
        assertTrue(matches.get(0).score() < matches.get(1).score());
        assertEquals(1.0, matches.get(1).score());
    }

    @Test
    void casedAbbreviationsNeedACapitalLetter() {
        assertTrue(match(ENGLISH, "acute mi").isEmpty());
        assertEquals(1, match(ENGLISH, "acute Mi").size());
    }

    @Test
    void abbreviationWithInnerPunctuationIsOneToken() {
        String text = "s/p surgery";
        int[] starts = {0, 4};
        int[] ends = {3, 11};
        List<TermMatch> matches = ENGLISH.match(text, starts, ends);
        TermMatch match = only(matches, "Z98.89");
        assertEquals(0, match.start());
        assertEquals(11, match.end());
    }

    @Test
    void longestMatchWinsOverTheShorterOneInside() {
        String text = "type 2 diabetes mellitus with hyperglycemia";
        List<TermMatch> matches = match(ENGLISH, text);
        assertEquals(1, matches.size(), matches.toString());
        assertEquals("E11.65", matches.get(0).code());
        assertEquals(text.length(), matches.get(0).end());
    }

    @Test
    void sentencePunctuationAndUnknownWordsBreakAMatch() {
        assertTrue(match(ENGLISH, "left femur. Fracture").stream().noneMatch(m -> m.code().equals("S72.92")));
        assertTrue(match(ENGLISH, "abdominal severe pain").isEmpty());
        assertEquals(1, match(ENGLISH, "abdominal (pain)").size(), "brackets and commas do not break a phrase");
    }

    @Test
    void worksWithAnyTokenizationOfTheSameText() {
        String text = "Dx: type-2 diabetes mellitus";
        int[] starts = {0, 4, 11, 20};
        int[] ends = {3, 10, 19, 28};
        TermMatch match = only(ENGLISH.match(text, starts, ends), "E11.9");
        assertEquals("type-2 diabetes mellitus", text.substring(match.start(), match.end()));
    }
}
