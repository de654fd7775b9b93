package org.opencac.core.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.TermSources;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.SimpleTokenizer;

class GappedTermMatcherTest {
    private static final GappedTermMatcher MATCHER = new GappedTermMatcher(Language.ES, List.of(
            Map.entry(new DictionaryTerm(CodeSystem.ICD10PCS, "BT41ZZZ", "ecografía riñón derecho",
                    TermSources.CODIESP_TRAIN, 0.5), "R1"),
            Map.entry(new DictionaryTerm(CodeSystem.ICD10CM, "N28.9", "lesión renal", "official-title", 1.0), "R1")),
            Set.of(TermSources.CODIESP_TRAIN));

    private static List<TermMatch> match(String text, int[] sentenceOfToken) {
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        int[] sentence = sentenceOfToken;
        if (sentence == null) {
            sentence = new int[tokens.starts().length];
        }
        return MATCHER.match(text, tokens.starts(), tokens.ends(), sentence);
    }

    private static List<String> texts(String text, List<TermMatch> matches) {
        return matches.stream().map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void findsTheWordsOfALearnedTermSpreadOverASentence() {
        String text = "La ecografía muestra un nódulo en el riñón derecho.";
        List<TermMatch> found = match(text, null);
        assertEquals(1, found.size());
        TermMatch m = found.get(0);
        assertEquals("BT41ZZZ", m.code());
        assertEquals("ecografía muestra un nódulo en el riñón derecho", text.substring(m.start(), m.end()));
        assertEquals(TermSources.CODIESP_TRAIN + GappedTermMatcher.SUFFIX, m.termSource());
        assertEquals(GappedTermMatcher.QUALITY * 0.5, m.score(), 1e-9);
    }

    @Test
    void onlyLearnedSourcesAreIndexed() {
        assertEquals(1, MATCHER.termCount());
        assertTrue(match("Una lesión de aspecto renal.", null).isEmpty());
    }

    @Test
    void wordsInDifferentSentencesOrTooFarApartDoNotMatch() {
        String text = "Ecografía normal. Riñón derecho sin hallazgos.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        int[] sentence = new int[tokens.starts().length];
        for (int i = 0; i < sentence.length; i++) {
            sentence[i] = tokens.starts()[i] < 18 ? 0 : 1;
        }
        // Only the partial "riñón derecho" of the second sentence: the term never spans both sentences.
        assertEquals(List.of("Riñón derecho"), texts(text, MATCHER.match(text, tokens.starts(), tokens.ends(), sentence)));
        String far = "Ecografía uno dos tres cuatro cinco seis siete ocho del riñón derecho.";
        assertEquals(List.of("riñón derecho"), texts(far, match(far, null)));
    }

    @Test
    void gappedMatchesOfACodeAlreadyMatchedThereAreDropped() {
        TermMatch contiguous = new TermMatch(0, 10, CodeSystem.ICD10PCS, "BT41ZZZ", "t", "s", 1.0, "R1");
        TermMatch overlapping = new TermMatch(5, 30, CodeSystem.ICD10PCS, "BT41ZZZ", "t", "s-gapped", 0.7, "R1");
        TermMatch otherCode = new TermMatch(5, 30, CodeSystem.ICD10PCS, "BT43ZZZ", "t", "s-gapped", 0.7, "R1");
        List<TermMatch> all = DictionaryStage.withGapped(List.of(overlapping, otherCode), List.of(contiguous));
        assertEquals(List.of(contiguous, otherCode), all);
    }

    @Test
    void aTermOfThreeWordsMatchesPartiallyWithOneWordMissingOnce() {
        for (String text : List.of("La ecografía del riñón fue normal.", "El riñón derecho es normal.")) {
            List<TermMatch> found = match(text, null);
            assertEquals(1, found.size(), text);
            assertEquals(TermSources.CODIESP_TRAIN + GappedTermMatcher.PARTIAL_SUFFIX, found.get(0).termSource());
            assertEquals(GappedTermMatcher.PARTIAL_QUALITY * 0.5, found.get(0).score(), 1e-9);
        }
        assertTrue(match("Ecografía normal.", null).isEmpty(), "two of three words missing");
    }

    @Test
    void partialMatchesCanBeSwitchedOff() {
        GappedTermMatcher fullOnly = new GappedTermMatcher(Language.ES, List.of(Map.entry(new DictionaryTerm(
                CodeSystem.ICD10PCS, "BT41ZZZ", "ecografía riñón derecho", TermSources.CODIESP_TRAIN, 0.5), "R1")),
                Set.of(TermSources.CODIESP_TRAIN), false);
        String text = "El riñón derecho es normal.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        assertTrue(fullOnly.match(text, tokens.starts(), tokens.ends(), new int[tokens.starts().length]).isEmpty());
        String gapped = "La ecografía muestra el riñón derecho.";
        tokens = SimpleTokenizer.tokenize(gapped);
        assertEquals(1, fullOnly.match(gapped, tokens.starts(), tokens.ends(), new int[tokens.starts().length]).size());
    }

    private static final GappedTermMatcher STEMMED = GappedTermMatcher.stemmed(Language.ES, List.of(
            Map.entry(new DictionaryTerm(CodeSystem.ICD10CM, "C79.51", "metástasis vertebral",
                    TermSources.CODIESP_TRAIN, 1.0), "R1"),
            Map.entry(new DictionaryTerm(CodeSystem.ICD10CM, "R20.1", "hipoestesia", TermSources.CODIESP_TRAIN, 0.5),
                    "R1")),
            Set.of(TermSources.CODIESP_TRAIN));

    private static List<TermMatch> matchStemmed(String text) {
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        return STEMMED.match(text, tokens.starts(), tokens.ends(), new int[tokens.starts().length]);
    }

    @Test
    void stemmedModeMatchesOtherFormsOfTheWordsInAnyOrder() {
        String text = "Se observan lesiones en la vértebra L3 sugestivas de metástasis y zonas hipoestésicas.";
        List<TermMatch> found = matchStemmed(text);
        assertEquals(List.of("vértebra L3 sugestivas de metástasis", "hipoestésicas"), texts(text, found));
        assertEquals("C79.51", found.get(0).code());
        assertEquals(TermSources.CODIESP_TRAIN + GappedTermMatcher.STEM_SUFFIX, found.get(0).termSource());
        assertEquals(GappedTermMatcher.STEM_QUALITY * 0.5, found.get(1).score(), 1e-9);
    }

    @Test
    void stemmedModeNeedsEveryWordAndKeepsShortWordsWhole() {
        assertTrue(matchStemmed("Dolor vertebral sin otros hallazgos.").isEmpty());
        org.tartarus.snowball.ext.SpanishStemmer stemmer = new org.tartarus.snowball.ext.SpanishStemmer();
        assertEquals("vih", GappedTermMatcher.stemKey("vih", stemmer));
        assertEquals("c5", GappedTermMatcher.stemKey("c5", stemmer));
        assertEquals(GappedTermMatcher.stemKey("metastasicas", stemmer), GappedTermMatcher.stemKey("metastasis", stemmer));
        assertTrue(GappedTermMatcher.stemKey("taquicardizacion", stemmer).length() <= GappedTermMatcher.STEM_PREFIX);
    }

    @Test
    void stemmedModeReadsABodyPartAdjectiveAsItsNounAndTcAsTac() {
        GappedTermMatcher imaging = GappedTermMatcher.stemmed(Language.ES, List.of(
                Map.entry(new DictionaryTerm(CodeSystem.ICD10PCS, "BT42ZZZ", "ecografía riñón izquierdo",
                        TermSources.CODIESP_TRAIN, 1.0), "R1"),
                Map.entry(new DictionaryTerm(CodeSystem.ICD10PCS, "BP2W", "TAC torácica", TermSources.CODIESP_TRAIN,
                        1.0), "R1")),
                Set.of(TermSources.CODIESP_TRAIN));
        String text = "Ecografía renal izquierda sin hallazgos. Se pidió un TC de tórax.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        int[] sentence = new int[tokens.starts().length];
        for (int i = 0; i < sentence.length; i++) {
            sentence[i] = tokens.starts()[i] < text.indexOf("Se pidió") ? 0 : 1;
        }
        List<TermMatch> found = imaging.match(text, tokens.starts(), tokens.ends(), sentence);
        assertEquals(List.of("Ecografía renal izquierda", "TC de tórax"), texts(text, found));
        assertEquals(List.of("BT42ZZZ", "BP2W"), found.stream().map(TermMatch::code).toList());
        org.tartarus.snowball.ext.SpanishStemmer stemmer = new org.tartarus.snowball.ext.SpanishStemmer();
        assertEquals(GappedTermMatcher.stemKey("rinon", stemmer), GappedTermMatcher.stemKey("renal", stemmer));
        assertEquals(GappedTermMatcher.stemKey("tiroid", stemmer), GappedTermMatcher.stemKey("tiroideo", stemmer));
        assertEquals("rm", GappedTermMatcher.stemKey("rnm", stemmer));
    }
}
