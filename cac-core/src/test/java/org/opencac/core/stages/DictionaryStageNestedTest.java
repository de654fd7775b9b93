package org.opencac.core.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.match.Abbreviations;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.PhraseMatcher;
import org.opencac.dictionaries.match.SimpleTokenizer;

class DictionaryStageNestedTest {
    private static final PhraseMatcher MATCHER = new PhraseMatcher.Builder(Language.ES, Abbreviations.empty())
            .add(term("E66.01", "obesidad mórbida"), "R1")
            .add(term("E66.9", "obesidad"), "R1")
            .add(term("N28.9", "lesión renal"), "R1")
            .add(term("N17.9", "lesión renal aguda grave"), "R1")
            .build();

    private static DictionaryTerm term(String code, String text) {
        return new DictionaryTerm(CodeSystem.ICD10CM, code, text, "test", 1.0);
    }

    private static Set<String> codes(List<TermMatch> matches) {
        return matches.stream().map(m -> m.code() + "@" + m.start() + "-" + m.end()).collect(Collectors.toSet());
    }

    @Test
    void matcherAloneDropsTheShorterMatchAtTheSameStart() {
        String text = "Paciente con obesidad mórbida.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        assertEquals(Set.of("E66.01@13-29"), codes(MATCHER.match(text, tokens.starts(), tokens.ends())));
    }

    @Test
    void nestedWindowsAreLookedUpAgainOncePerSpanAndCode() {
        String text = "Paciente con obesidad mórbida y lesión renal aguda grave.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        List<TermMatch> top = MATCHER.match(text, tokens.starts(), tokens.ends());
        List<TermMatch> all = DictionaryStage.withNested(MATCHER, text, tokens.starts(), tokens.ends(), top);
        Set<String> found = codes(all);
        assertTrue(found.containsAll(Set.of("E66.01@13-29", "E66.9@13-21", "N17.9@32-56", "N28.9@32-44")), found::toString);
        assertEquals(4, all.size(), found::toString);
    }

    @Test
    void singleTokenMatchesAreLeftAlone() {
        String text = "obesidad";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        List<TermMatch> top = MATCHER.match(text, tokens.starts(), tokens.ends());
        assertEquals(top, DictionaryStage.withNested(MATCHER, text, tokens.starts(), tokens.ends(), top));
    }

    @Test
    void wordsInsideAServiceNameAreNotSearchedAgain() {
        PhraseMatcher matcher = new PhraseMatcher.Builder(Language.EN, Abbreviations.empty())
                .add(new DictionaryTerm(CodeSystem.CPT, "90686", "influenza vaccine", "test", 1.0), "R1")
                .add(term("J11.1", "influenza"), "R1")
                .build();
        String text = "Influenza vaccine given.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        List<TermMatch> top = matcher.match(text, tokens.starts(), tokens.ends());
        assertEquals(Set.of("90686@0-17"), codes(DictionaryStage.withNested(matcher, text, tokens.starts(),
                tokens.ends(), top)));
    }
}
