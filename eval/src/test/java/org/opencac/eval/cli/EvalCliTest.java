package org.opencac.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a tiny gold folder, with the train-lookup baseline as the coder. */
class EvalCliTest {
    @TempDir
    Path root;

    private Path goldRoot() throws IOException {
        Path dataset = root.resolve("codiesp").resolve("final_dataset_v4_to_publish");
        Path train = Files.createDirectories(dataset.resolve("train").resolve("text_files"));
        Files.writeString(dataset.resolve("train").resolve("trainD.tsv"), "t1\tr50.9\n");
        Files.writeString(dataset.resolve("train").resolve("trainP.tsv"), "t1\tbw03zzz\n");
        Files.writeString(dataset.resolve("train").resolve("trainX.tsv"),
                "t1\tDIAGNOSTICO\tr50.9\tfiebre\t0 6\nt1\tPROCEDIMIENTO\tbw03zzz\tradiografía de tórax\t10 30\n");
        Files.writeString(train.resolve("t1.txt"), "fiebre y radiografía de tórax");
        Path dev = dataset.resolve("dev");
        Files.createDirectories(dev.resolve("text_files"));
        Files.createDirectories(dev.resolve("text_files_en"));
        // d1: "Refiere fiebre." fiebre at 8..14; d2: radiografía de tórax at 4..24, gold also has e11.9
        Files.writeString(dev.resolve("text_files").resolve("d1.txt"), "Refiere fiebre.");
        Files.writeString(dev.resolve("text_files").resolve("d2.txt"), "Con radiografía de tórax normal.");
        Files.writeString(dev.resolve("text_files_en").resolve("d1.txt"), "Reports fever.");
        Files.writeString(dev.resolve("devD.tsv"), "d1\tr50.9\nd2\te11.9\n");
        Files.writeString(dev.resolve("devP.tsv"), "d2\tbw03zzz\n");
        Files.writeString(dev.resolve("devX.tsv"), "d1\tDIAGNOSTICO\tr50.9\tfiebre\t8 14\n"
                + "d2\tDIAGNOSTICO\te11.9\tdiabetes\t0 8\n"
                + "d2\tPROCEDIMIENTO\tbw03zzz\tradiografía de tórax\t4 24\n");
        return root;
    }

    @Test
    void evalWritesSubmissionMetricsErrorsAndReport() throws IOException {
        Path out = root.resolve("out");
        EvalCli.run(new String[] {"eval", "codiesp", "--gold", goldRoot().toString(), "--split", "dev",
                "--lang", "es", "--out", out.toString(), "--system", "train-lookup"});

        assertEquals(List.of("d1\tr50.9"), Files.readAllLines(out.resolve("D.tsv")));
        assertEquals(List.of("d2\t4 24\tPROCEDIMIENTO\tbw03zzz", "d1\t8 14\tDIAGNOSTICO\tr50.9").stream().sorted()
                .toList(), Files.readAllLines(out.resolve("X.tsv")).stream().sorted().toList());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        // D: predicted {d1 r50.9} vs gold {d1 r50.9, d2 e11.9}: P 1, R 1/2; MAP (1 + 0) / 2
        assertEquals(1.0, metrics.at("/D/precision").asDouble(), 1e-12);
        assertEquals(0.5, metrics.at("/D/recall").asDouble(), 1e-12);
        assertEquals(0.5, metrics.at("/D/map").asDouble(), 1e-12);
        assertEquals(1.0, metrics.at("/P/f1").asDouble(), 1e-12);
        // X: two of three gold pairs found, no false ones
        assertEquals(2.0 / 3.0, metrics.at("/X/recall").asDouble(), 1e-12);
        assertEquals(21, metrics.get("sweep").size());
        assertTrue(Files.readString(out.resolve("errors.tsv")).contains("d2\tFN\tD\te11.9\t\tdiabetes"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
    }

    @Test
    void englishRunReportsReferencesAsNotApplicable() throws IOException {
        Path out = root.resolve("out-en");
        EvalCli.run(new String[] {"eval", "codiesp", "--gold", goldRoot().toString(), "--split", "dev",
                "--lang", "en", "--out", out.toString(), "--system", "train-lookup"});
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(metrics.at("/X/f1").isNull());
        assertEquals(false, metrics.at("/X/applicable").asBoolean());
    }

    @Test
    void predictWritesTheSameFilesForAFolder() throws IOException {
        Path gold = goldRoot();
        Path out = root.resolve("pred");
        EvalCli.run(new String[] {"predict", "codiesp", "--texts",
                gold.resolve("codiesp/final_dataset_v4_to_publish/dev/text_files").toString(), "--lang", "es",
                "--out", out.toString(), "--system", "train-lookup", "--gold", gold.toString()});
        assertEquals(List.of("d2\tbw03zzz"), Files.readAllLines(out.resolve("P.tsv")));
        assertTrue(Files.exists(out.resolve("ranked.tsv")));
    }

    @Test
    void rejectsBadUsage() {
        assertThrows(EvalCli.UsageException.class, () -> EvalCli.run(new String[] {"eval"}));
        assertThrows(EvalCli.UsageException.class, () -> EvalCli.run(new String[] {"eval", "codiesp", "--lang"}));
        assertThrows(EvalCli.UsageException.class, () -> EvalCli.run(new String[] {"eval", "mimic", "--x", "y"}));
    }

    @Test
    void learnerOptionsOverrideTheTrainerDefaults() {
        assertEquals(org.opencac.core.rank.RankerTrainer.Settings.defaults(), EvalCli.learnerSettings(Map.of()));
        org.opencac.core.rank.RankerTrainer.Settings one = EvalCli.learnerSettings(
                Map.of("members", "1", "factors", "4", "learner-seed", "21"));
        assertEquals(1, one.members());
        assertEquals(4, one.factorDimensions());
        assertEquals(21L, one.seed());
        assertThrows(EvalCli.UsageException.class, () -> EvalCli.learnerSettings(Map.of("members", "0")));
        assertThrows(EvalCli.UsageException.class,
                () -> EvalCli.learnerSettings(Map.of("factors", "0", "members", "3")));
    }
}
