package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kept-code index finds the same first related code as comparing the new code with every kept code. */
class Excludes1KeptIndexTest {
    private static final String[] CODES = {"E10", "E10.9", "E11", "E11.9", "E11.65", "I10", "I11.0", "I12.9", "N18",
            "N18.3", "N18.6", "R73.9", "E1", "I1", "G62.9", "I50.9"};

    @Test
    void sameAnswerAsThePairwiseCheck() {
        Random random = new Random(11);
        int related = 0;
        for (int trial = 0; trial < 300; trial++) {
            Map<String, List<String>> citedMap = new HashMap<>();
            for (String code : CODES) {
                List<String> cited = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    String other = CODES[random.nextInt(CODES.length)];
                    cited.add(other.substring(0, 1 + random.nextInt(other.length()))); // a code or one above it
                }
                citedMap.put(code, cited);
            }
            Excludes1Rule.KeptIndex index = new Excludes1Rule.KeptIndex();
            List<String> kept = new ArrayList<>();
            for (int step = 0; step < 8; step++) {
                String code = CODES[random.nextInt(CODES.length)];
                int expected = -1;
                for (int i = 0; i < kept.size() && expected < 0; i++) {
                    if (cites(citedMap.get(kept.get(i)), kept.get(i), code) || cites(citedMap.get(code), code, kept.get(i))) {
                        expected = i;
                    }
                }
                assertEquals(expected, index.firstRelated(code, citedMap::get), code + " against " + kept);
                if (expected < 0) {
                    kept.add(code);
                    index.add(code, kept.size() - 1, citedMap::get);
                } else {
                    related++;
                }
            }
        }
        assertTrue(related > 100, "too few related pairs to test: " + related);
    }

    /** The rule's pairwise definition, written out again here. */
    private static boolean cites(List<String> cited, String owner, String code) {
        for (String prefix : cited) {
            if (code.startsWith(prefix) && !owner.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
