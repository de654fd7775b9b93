package org.opencac.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.eval.craft.CraftFixture;

/** "eval negex" and "eval craft" end to end on tiny fixtures. */
class EvalCliContextTest {
    @TempDir
    Path root;

    @Test
    void negexWritesContractFilesWithHandCountedFigures() throws IOException {
        Path gold = root.resolve("negex.tsv");
        Files.writeString(gold, String.join("\n",
                "line number\tCondition\tsentence\tnegation\ttemporality\texperiencer",
                "1\tchest pain\tPatient denies CHEST PAIN.\tNegated\tRecent\tPatient",
                "2\tbreast cancer\tHer mother has a history of BREAST CANCER.\tAffirmed\tHistorical\tOther",
                "3\tstroke\tNo ACUTE INFARCT if stable.\tNegated\tNot particular\tPatient") + "\n");
        Path out = root.resolve("out");
        EvalCli.run(new String[] {"eval", "negex", "--gold", gold.toString(), "--out", out.toString()});

        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        // negation: row 1 TP ("denies"), row 2 TN, row 3 FN (condition not in the sentence, so affirmed)
        assertCounts(m.get("negation"), 1, 0, 1, 1);
        assertEquals(1.0, m.at("/negation/precision").asDouble(), 1e-12);
        assertEquals(0.5, m.at("/negation/recall").asDouble(), 1e-12);
        assertEquals(2.0 / 3.0, m.at("/negation/f1").asDouble(), 1e-12);
        // historical: row 2 TP ("history of"); hypothetical: row 3 FN; experiencer: row 2 TP ("mother")
        assertCounts(m.get("historical"), 1, 0, 0, 2);
        assertCounts(m.get("hypothetical"), 0, 0, 1, 2);
        assertEquals(0.0, m.at("/hypothetical/f1").asDouble(), 1e-12);
        assertCounts(m.get("experiencer"), 1, 0, 0, 2);
        assertEquals(1.0, m.at("/experiencer/f1").asDouble(), 1e-12);
        assertEquals(3, m.get("rows").asInt());
        assertEquals(1, m.get("conditions_not_found").asInt());

        List<String> predictions = Files.readAllLines(out.resolve("predictions.tsv"));
        assertEquals(4, predictions.size());
        assertTrue(predictions.get(1).contains("\tNegated\tRecent\tPatient\tyes\tnegated: denies"));
        assertTrue(predictions.get(2).contains("\tAffirmed\tHistorical\tOther\tyes\t"));
        assertTrue(predictions.get(3).endsWith("\tAffirmed\tRecent\tPatient\tno\t"));
        List<String> errors = Files.readAllLines(out.resolve("errors.tsv"));
        assertEquals(List.of("3\tnegation\tFN", "3\thypothetical\tFN"),
                errors.subList(1, errors.size()).stream().map(l -> String.join("\t",
                        List.of(l.split("\t")).subList(0, 3))).toList());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Confusion tables"));
    }

    private static void assertCounts(JsonNode node, int tp, int fp, int fn, int tn) {
        assertEquals(List.of(tp, fp, fn, tn), List.of(node.get("tp").asInt(), node.get("fp").asInt(),
                node.get("fn").asInt(), node.get("tn").asInt()));
    }

    @Test
    void craftOnAPlainFolderWritesOursAndStock() throws IOException {
        Path gold = Files.createDirectories(root.resolve("craft"));
        Files.writeString(gold.resolve("d1.txt"), CraftFixture.TEXT);
        Files.writeString(gold.resolve("d1.conllu"), CraftFixture.conllu());
        Path out = root.resolve("out-craft");
        EvalCli.run(new String[] {"eval", "craft", "--gold", gold.toString(), "--out", out.toString()});

        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        // gold ends {25}, ours {12, 25} (the document end is not scored)
        assertEquals(1, m.at("/sentence/tp").asInt());
        assertEquals(1, m.at("/sentence/fp").asInt());
        assertEquals(0.5, m.at("/sentence/precision").asDouble(), 1e-12);
        assertEquals(1.0, m.at("/sentence/recall").asDouble(), 1e-12);
        assertEquals(11, m.at("/token/tp").asInt());
        assertEquals(1.0, m.at("/token/f1").asDouble(), 1e-12);
        assertTrue(m.at("/baseline_opennlp_stock/sentence/f1").isNumber());
        assertTrue(m.at("/baseline_opennlp_stock/token/recall").isNumber());
        assertTrue(m.get("sentences_per_s").isNumber() && m.get("tokens_per_s").isNumber());
        assertEquals(1, m.get("documents").size());
        assertEquals("d1", m.at("/documents/0/id").asText());
        assertTrue(Files.readString(out.resolve("errors.tsv")).contains("d1\tours\textra\t12\tThe cat sat.\t The dog"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
    }

    @Test
    void missingInputsExitWithStatusTwoAndAMessage() {
        Path out = root.resolve("never");
        assertUsageError("NegEx gold file not found", "eval", "negex", "--gold", root.resolve("none.tsv").toString(),
                "--out", out.toString());
        assertUsageError("CRAFT folder not found", "eval", "craft", "--gold", root.resolve("none").toString(),
                "--out", out.toString());
        assertUsageError("no CRAFT documents", "eval", "craft", "--gold", root.toString(), "--out", out.toString());
        assertUsageError("missing --out", "eval", "negex", "--gold", "x.tsv");
        assertTrue(Files.notExists(out));
    }

    private static void assertUsageError(String message, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = EvalCli.runWithStatus(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, err);
        assertTrue(err.contains(message) && err.contains("usage:"), err);
    }
}
