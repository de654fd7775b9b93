package org.opencac.dictionaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodesTest {
    @Test
    void canonicalFormsOfIcd10Cm() {
        assertEquals("E11.9", Codes.canonical(CodeSystem.ICD10CM, "e119"));
        assertEquals("E11.9", Codes.canonical(CodeSystem.ICD10CM, "E119"));
        assertEquals("E11.9", Codes.canonical(CodeSystem.ICD10CM, " E11.9 "));
        assertEquals("E11", Codes.canonical(CodeSystem.ICD10CM, "E11."));
        assertEquals("E11.65", Codes.canonical(CodeSystem.ICD10CM, "E1.165"));
        assertEquals("I10", Codes.canonical(CodeSystem.ICD10CM, "i10"));
    }

    @Test
    void canonicalFormsOfOtherSystems() {
        assertEquals("0DTJ4ZZ", Codes.canonical(CodeSystem.ICD10PCS, "0dtj4zz"));
        assertEquals("BW03", Codes.canonical(CodeSystem.ICD10PCS, "BW0.3"));
        assertEquals("99213", Codes.canonical(CodeSystem.CPT, " 99213"));
    }

    @Test
    void canonicalCodesComeBackAsTheyAreAndStayCanonical() {
        for (CodeSystem system : CodeSystem.values()) {
            for (String code : List.of("E11.9", "E11.65", "I10", "0DTJ4ZZ", "BW03", "99213", "J0585", "e11.9",
                    "E119", "E11.", "E11.9.", "E11 9", "", "E")) {
                String canonical = Codes.canonical(system, code);
                assertEquals(canonical, Codes.canonical(system, canonical), system + " " + code);
            }
        }
        String code = "E11.65";
        assertSame(code, Codes.canonical(CodeSystem.ICD10CM, code));
    }
}
