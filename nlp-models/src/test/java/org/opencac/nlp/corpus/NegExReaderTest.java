package org.opencac.nlp.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NegExReaderTest {
    private static final List<String> LINES = List.of(
            "line number\tCondition\tsentence\tnegation_status\ttemporality\texperiencer",
            "1\tchest pain\tThe patient denies CHEST PAIN today.\tNegated\tRecent\tPatient",
            "2\tasthma\tMother has ASTHMA.\tAffirmed\tHistorical\tOther",
            "3\tfever\tReturn if febrile.\tAffirmed\tNot particular\tPatient");

    @Test
    void parsesLabelsAndLocatesTheConditionIgnoringCase() {
        List<NegExItem> items = NegExReader.parse(LINES);
        assertEquals(3, items.size());
        NegExItem first = items.get(0);
        assertTrue(first.negated());
        assertEquals("CHEST PAIN", first.conditionSpan().of(first.sentence()));
        NegExItem second = items.get(1);
        assertFalse(second.negated());
        assertTrue(second.historical());
        assertTrue(second.otherExperiencer());
        assertTrue(items.get(2).hypothetical());
    }

    @Test
    void locatedSpansInTheSharedFileHoldTheirCondition() throws java.io.IOException {
        String shared = System.getProperty("cac.shared");
        java.nio.file.Path file = shared == null ? null
                : java.nio.file.Path.of(shared, "gold", "negex_chapman", "negex-dev.tsv");
        org.junit.jupiter.api.Assumptions.assumeTrue(file != null && java.nio.file.Files.exists(file),
                "NegEx set not available");
        List<NegExItem> items = NegExReader.read(file);
        assertFalse(items.isEmpty());
        for (NegExItem item : items) {
            if (item.conditionSpan() != null) {
                assertTrue(item.conditionSpan().of(item.sentence()).equalsIgnoreCase(item.condition()));
            }
        }
    }

    @Test
    void conditionMissingFromTheSentenceHasNoSpan() {
        assertNull(NegExReader.parse(LINES).get(2).conditionSpan());
    }
}
