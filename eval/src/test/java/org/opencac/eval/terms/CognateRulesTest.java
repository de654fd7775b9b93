package org.opencac.eval.terms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CognateRulesTest {

    @Test
    void suffixRulesGiveTheSpanishEndings() {
        assertTrue(CognateRules.candidates("infection").contains("infeccion"));
        assertTrue(CognateRules.candidates("obstruction").contains("obstruccion"));
        Set<String> chronic = CognateRules.candidates("chronic");
        assertTrue(chronic.contains("cronico") && chronic.contains("cronica"), chronic.toString());
        assertTrue(CognateRules.candidates("cardiology").contains("cardiologia"));
        assertTrue(CognateRules.candidates("fracture").contains("fractura"));
        assertTrue(CognateRules.candidates("cutaneous").contains("cutaneo"));
    }

    @Test
    void spellingRewritesCombine() {
        assertTrue(CognateRules.candidates("hypertrophy").contains("hipertrofia"));
        assertTrue(CognateRules.candidates("stenosis").contains("estenosis"));
        assertTrue(CognateRules.candidates("hemorrhage").contains("hemorragia"));
        assertTrue(CognateRules.candidates("thrombosis").contains("trombosis"));
    }

    @Test
    void shortWordsAndNumbersGetNoCandidates() {
        assertTrue(CognateRules.candidates("red").isEmpty());
        assertTrue(CognateRules.candidates("t12a").isEmpty());
        assertFalse(CognateRules.candidates("tumor").isEmpty());
    }
}
