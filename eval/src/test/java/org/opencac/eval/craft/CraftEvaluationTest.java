package org.opencac.eval.craft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.eval.craft.CraftEvaluation.Boundary;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.Prf;
import org.opencac.nlp.text.TextSpan;

class CraftEvaluationTest {
    static Path folder(Path dir) throws IOException {
        Files.writeString(dir.resolve("d1.txt"), CraftFixture.TEXT);
        Files.writeString(dir.resolve("d1.conllu"), CraftFixture.conllu());
        Files.writeString(dir.resolve("orphan.conllu"), CraftFixture.conllu()); // no text: not scored
        return dir;
    }

    @Test
    void plainFolderScoresEveryDocumentWithText(@TempDir Path dir) throws IOException {
        List<AlignedDocument> documents = CraftEvaluation.load(folder(dir), "dev");
        assertEquals(1, documents.size());
        assertEquals(List.of(new TextSpan(0, 25), new TextSpan(26, 36)), documents.get(0).sentences());
        assertEquals(11, documents.get(0).tokens().size());
    }

    @Test
    void scoresOurModelsOnTheFixture(@TempDir Path dir) throws IOException {
        List<AlignedDocument> documents = CraftEvaluation.load(folder(dir), "dev");
        CraftEvaluation.Result result = CraftEvaluation.evaluate(documents, CraftEvaluation.oursAndStock(), null);
        CraftEvaluation.SystemResult ours = result.systems().get(0);
        // Gold ends {25, 36}, ours {12, 25, 36}; 36 (document end) is not scored: TP 25, FP 12.
        assertEquals(new Prf(1, 1, 0), ours.scores().sentences());
        // The 11 tokens of the three sentences are all found.
        assertEquals(new Prf(11, 0, 0), ours.scores().tokensEndToEnd());
        assertEquals(3, ours.sentences());
        assertEquals(11, ours.tokens());
        assertEquals(List.of(new Boundary("d1", "ours", "extra", 12)),
                result.boundaries().stream().filter(b -> b.system().equals("ours")).toList());
    }

    @Test
    void boundaryErrorsListMissedAndExtraInOffsetOrder() {
        AlignedDocument document = new AlignedDocument("x", "abcdefghij",
                List.of(new TextSpan(0, 3), new TextSpan(4, 6), new TextSpan(7, 10)), List.of(), 0);
        List<Boundary> errors = CraftEvaluation.boundaryErrors(document, "s",
                List.of(new TextSpan(0, 3), new TextSpan(4, 5), new TextSpan(5, 10)));
        assertEquals(List.of(new Boundary("x", "s", "extra", 5), new Boundary("x", "s", "missed", 6)), errors);
    }
}
