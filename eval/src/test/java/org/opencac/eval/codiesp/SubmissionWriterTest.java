package org.opencac.eval.codiesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencac.eval.codiesp.Fixtures.d;
import static org.opencac.eval.codiesp.Fixtures.p;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionWriterTest {
    @TempDir
    Path out;

    private final List<DocumentPrediction> predictions = List.of(new DocumentPrediction("doc1", List.of(
            d("N39.0", 0.6, true, new TextSpan(3, 20, "infección urinaria")),
            d("E11.9", 0.9, true, new TextSpan(40, 48, "diabetes"), new TextSpan(70, 78, "diabetes")),
            d("R52", 0.2, false, new TextSpan(0, 5, "dolor")),
            p("BW03ZZZ", 0.7, true, new TextSpan(50, 61, "radiografía")))));

    @Test
    void codeFilesHoldSuggestedLowerCaseCodesBestFirst() throws IOException {
        SubmissionWriter.writeAll(out, predictions);
        assertEquals(List.of("doc1\te11.9", "doc1\tn39.0"), Files.readAllLines(out.resolve("D.tsv")));
        assertEquals(List.of("doc1\tbw03zzz"), Files.readAllLines(out.resolve("P.tsv")));
    }

    @Test
    void referenceFileHasOneLinePerSpanWithOffsetsAndLabel() throws IOException {
        SubmissionWriter.writeAll(out, predictions);
        assertEquals(List.of(
                "doc1\t40 48\tDIAGNOSTICO\te11.9",
                "doc1\t70 78\tDIAGNOSTICO\te11.9",
                "doc1\t50 61\tPROCEDIMIENTO\tbw03zzz",
                "doc1\t3 20\tDIAGNOSTICO\tn39.0"), Files.readAllLines(out.resolve("X.tsv")));
    }

    @Test
    void rankedFileKeepsEveryCandidateWithConfidenceAndRank() throws IOException {
        SubmissionWriter.writeAll(out, predictions);
        List<String> lines = Files.readAllLines(out.resolve("ranked.tsv"));
        assertEquals("docid\tsystem\tcode\tconfidence\trank\tsuggested", lines.get(0));
        assertEquals("doc1\tD\tr52\t0.200000\t3\tfalse", lines.get(3));
        assertEquals("doc1\tP\tbw03zzz\t0.700000\t1\ttrue", lines.get(4));
    }
}
