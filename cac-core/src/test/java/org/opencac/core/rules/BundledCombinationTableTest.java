package org.opencac.core.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/** The bundled combination table against the bundled code sets. */
class BundledCombinationTableTest {

    @Test
    void everyCombinationCodeIsBillableInEveryBundledRelease() {
        Dictionaries dictionaries = Dictionaries.loadBundled();
        List<Combination> table = Combination.bundled();
        assertFalse(table.isEmpty());
        for (Combination row : table) {
            for (var date : List.of(RulesFixture.FY2018_DATE, RulesFixture.FY2026_DATE)) {
                assertTrue(dictionaries.isBillable(CodeSystem.ICD10CM, row.add(), date), row.add() + " on " + date);
            }
        }
        assertTrue(Excludes1Rule.inExcludes1Relation(dictionaries, "E10.9", "E11.9"),
                "type 1 and type 2 diabetes exclude each other in the bundled Tabular List");
        assertFalse(Excludes1Rule.inExcludes1Relation(dictionaries, "I10", "E11.9"));
    }
}
