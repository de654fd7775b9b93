package org.opencac.eval.codiesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Language;

/** Reads the real dev split when the shared data is there (system property cac.shared); skipped otherwise. */
class CodiespSharedDataTest {
    @Test
    void devSplitHasThePublishedRowCounts() {
        String shared = System.getProperty("cac.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "gold", "codiesp")), "no shared data");
        CodiespSplit dev = CodiespSplit.locate(Path.of(shared, "gold"), "dev");
        CodiespGold gold = CodiespGoldReader.read(dev);
        // Figures from the README table: 2,677 D rows, 817 P rows, 4,477 X rows, 250 documents
        assertEquals(2677, gold.codes().stream().filter(k -> k.type() == CodeType.D).count());
        assertEquals(817, gold.codes().stream().filter(k -> k.type() == CodeType.P).count());
        assertEquals(4477, gold.references().size());
        assertEquals(250, CodiespPredictor.textFiles(dev.textFolder(Language.ES)).size());
    }
}
