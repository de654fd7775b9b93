package org.opencac.eval.negex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opencac.eval.negex.NegExEvaluation.Category;
import org.opencac.eval.negex.NegExEvaluation.Result;
import org.opencac.nlp.corpus.NegExReader;
import org.opencac.nlp.tools.ContextEvaluation.Confusion;

/** The real NegEx dev half, when the shared data is there (system property cac.shared); skipped otherwise. */
class NegExSharedDataTest {
    @Test
    void goldCountsMatchTheDataReadme() throws IOException {
        String shared = System.getProperty("cac.shared");
        assumeTrue(shared != null);
        Path file = Path.of(shared, "gold", "negex_chapman", "negex-dev.tsv");
        assumeTrue(Files.isRegularFile(file));
        Result result = NegExEvaluation.evaluate(NegExReader.read(file));
        // README: 1,155 rows, 244 negated, 911 affirmed.
        assertEquals(1155, result.rows().size());
        Confusion negation = result.confusions().get(Category.NEGATION);
        assertEquals(244, negation.truePositives() + negation.falseNegatives());
        assertEquals(911, negation.falsePositives() + negation.trueNegatives());
    }
}
