package org.opencac.dictionaries.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLearnedTermsTest {

    @Test
    void countsEvidencePerCanonicalCodeAndSkipsOtherSplits(@TempDir Path dir) throws IOException {
        Path train = Files.createDirectories(dir.resolve("train"));
        Path dev = Files.createDirectories(dir.resolve("dev"));
        Files.writeString(train.resolve("trainX.tsv"), String.join("\n",
                "d1\tDIAGNOSTICO\tn44.8\tteste aumentado\t1 16",
                "d2\tDIAGNOSTICO\tN44.8\tteste aumentado\t3 18",
                "d2\tPROCEDIMIENTO\tbw03zzz\tRx  tórax\t20 28"), StandardCharsets.UTF_8);
        Files.writeString(dev.resolve("devX.tsv"), "d3\tDIAGNOSTICO\tr60.9\tedemas\t0 6\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("terms.tsv");
        BuildLearnedTerms.main(new String[] {"--gold", dir.toString(), "--splits", "train", "--out", out.toString()});
        List<String> rows = Files.readAllLines(out).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("ICD-10-CM\tN44.8\tteste aumentado\t2", "ICD-10-PCS\tBW03ZZZ\tRx tórax\t1"), rows);
    }

    /** The bundled resource must be exactly what the tool builds from the CodiEsp train split alone. */
    @Test
    void bundledLearnedTermsAreTheTrainSplitOnly(@TempDir Path dir) throws IOException {
        String shared = System.getProperty("cac.shared");
        assumeTrue(shared != null, "cac.shared not set");
        Path gold = Path.of(shared, "gold", "codiesp", "final_dataset_v4_to_publish");
        assumeTrue(Files.isDirectory(gold.resolve("train")), "CodiEsp not available");
        Path out = dir.resolve("terms.tsv");
        BuildLearnedTerms.main(new String[] {"--gold", gold.toString(), "--splits", "train", "--out", out.toString()});
        String bundled;
        try (InputStream in = new GZIPInputStream(BuildLearnedTermsTest.class.getResourceAsStream(
                "/org/opencac/dictionaries/terms/codiesp_train_terms.tsv.gz"))) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(out, StandardCharsets.UTF_8), bundled);
    }
}
