package org.opencac.core.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Context;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Span;
import org.opencac.core.stages.GappedTermMatcher;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.TermSources;

class TermStatisticsTextTest {
    private static Mention mention(String text, String term, String source) {
        return new Mention(new Span(0, text.length()), text, CodeSystem.ICD10PCS, "BT41ZZZ", term, source, 0.7,
                "FY2018", null, Context.AFFIRMED);
    }

    @Test
    void gappedAndPartialMatchesAreCountedUnderTheirTermNotTheWordsInBetween() {
        Mention contiguous = mention("Ecografía Renal", "ecografía renal", TermSources.CODIESP_TRAIN);
        Mention gapped = mention("ecografía muestra un nódulo renal", "Ecografía renal",
                TermSources.CODIESP_TRAIN + GappedTermMatcher.SUFFIX);
        Mention partial = mention("riñón derecho", "ecografía riñón derecho",
                TermSources.CODIESP_TRAIN + GappedTermMatcher.PARTIAL_SUFFIX);
        assertEquals("ecografia renal", TermStatistics.statisticsText(contiguous));
        assertEquals("~gapped ecografia renal", TermStatistics.statisticsText(gapped));
        assertEquals("~partial ecografia rinon derecho", TermStatistics.statisticsText(partial));

        TermStatistics.Builder builder = new TermStatistics.Builder();
        builder.addDocument(List.of(gapped), Set.of("ICD-10-PCS|BT41ZZZ"));
        builder.addDocument(List.of(mention("la ecografía y el corte renal", "ecografía renal",
                TermSources.CODIESP_TRAIN + GappedTermMatcher.SUFFIX)), Set.of());
        TermStatistics stats = builder.build();
        TermStatistics.Counts counts = stats.counts("ICD-10-PCS|BT41ZZZ", "~gapped ecografia renal");
        assertEquals(2, counts.seen());
        assertEquals(1, counts.coded());
    }

    @Test
    void stemMatchesAreCountedUnderTheirTerm() {
        Mention stem = mention("metástasis en la vértebra", "metástasis vertebral",
                TermSources.CODIESP_TRAIN + GappedTermMatcher.STEM_SUFFIX);
        assertEquals("~stem metastasis vertebral", TermStatistics.statisticsText(stem));
    }

    @Test
    void codePrecisionCountsDocumentsWithAnyMentionOfTheCodeAndSurvivesTheFile() throws java.io.IOException {
        Mention a = mention("ecografía renal", "ecografía renal", TermSources.CODIESP_TRAIN);
        Mention b = mention("eco renal", "eco renal", TermSources.CODIESP_TRAIN);
        TermStatistics.Builder builder = new TermStatistics.Builder();
        builder.addDocument(List.of(a, b), Set.of("ICD-10-PCS|BT41ZZZ")); // two strings, one document
        builder.addDocument(List.of(b), Set.of());
        builder.addDocument(List.of(), Set.of("ICD-10-PCS|BT41ZZZ")); // coded without a mention
        TermStatistics stats = builder.build();
        assertEquals(new TermStatistics.Counts(2, 1), stats.codeMentions("ICD-10-PCS|BT41ZZZ"));
        assertEquals(2, stats.codeDocuments("ICD-10-PCS|BT41ZZZ"));
        assertEquals(new TermStatistics.Counts(0, 0), stats.codeMentions("ICD-10-CM|N28.9"));

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        stats.write(out);
        TermStatistics read = TermStatistics.read(new java.io.ByteArrayInputStream(out.toByteArray()));
        assertEquals(new TermStatistics.Counts(2, 1), read.codeMentions("ICD-10-PCS|BT41ZZZ"));
        assertEquals(new TermStatistics.Counts(2, 1), read.counts("ICD-10-PCS|BT41ZZZ", "eco renal"));
    }

    @Test
    void foldedTextHasSingleSpacesBetweenWords() {
        java.util.regex.Pattern whitespace = java.util.regex.Pattern.compile("\\s+");
        for (String text : List.of("Renal  Colic", " renal\tcolic\n", "renal\r\ncolic", "renal colic", "a \u000B b",
                "x\fy", "r\u00e9nal\u00a0colic", "renal", "", "  ", "a  ", "a b  c")) {
            String expected = whitespace.matcher(
                    org.opencac.dictionaries.match.TokenNormalizer.foldLower(text).strip()).replaceAll(" ");
            assertEquals(expected, TermStatistics.foldText(text), text);
        }
        assertEquals("renal colic", TermStatistics.foldText(" Renal \t\n Colic "));
    }
}

