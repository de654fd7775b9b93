package org.opencac.core.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.TermSources;
import org.opencac.dictionaries.match.SimpleTokenizer;

class TranslatedGappedMatchTest {
    private static final GappedTermMatcher MATCHER = DictionaryStage.translatedGappedMatcher(List.of(
            Map.entry(new DictionaryTerm(CodeSystem.ICD10CM, "S72.309", "fractura diáfisis fémur",
                    TermSources.ICD10_ES_TRANSLATED, 0.5), "R1"),
            Map.entry(new DictionaryTerm(CodeSystem.ICD10CM, "N28.9", "lesión renal", TermSources.CODIESP_TRAIN, 1.0),
                    "R1")));

    private static List<TermMatch> match(String text) {
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        return MATCHER.match(text, tokens.starts(), tokens.ends(), new int[tokens.starts().length]);
    }

    @Test
    void translatedTermsMatchWithWordsInBetween() {
        String text = "Presenta fractura de la diáfisis del fémur izquierdo.";
        List<TermMatch> found = match(text);
        assertEquals(1, found.size());
        assertEquals("S72.309", found.get(0).code());
        assertEquals("fractura de la diáfisis del fémur", text.substring(found.get(0).start(), found.get(0).end()));
        assertEquals(TermSources.ICD10_ES_TRANSLATED + GappedTermMatcher.SUFFIX, found.get(0).termSource());
    }

    @Test
    void translatedTermsNeedAllTheirWordsAndOtherSourcesAreLeftToTheLearnedMatcher() {
        assertTrue(match("Presenta fractura de la diáfisis del húmero.").isEmpty(), "no partial match");
        assertTrue(match("Una lesión de aspecto renal.").isEmpty());
        assertEquals(1, MATCHER.termCount());
    }
}
