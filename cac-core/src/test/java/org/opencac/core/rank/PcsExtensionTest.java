package org.opencac.core.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.dictionaries.CodeSystem;

class PcsExtensionTest {
    private static CodeSuggestion s(CodeSystem system, String code, double confidence) {
        return new CodeSuggestion(system, code, code, confidence, List.of(), Assertion.PRESENT, "r", "ranker", null);
    }

    private static List<String> codes(List<CodeSuggestion> list) {
        return list.stream().map(CodeSuggestion::code).toList();
    }

    @Test
    void weakerSevenCharacterExtensionsOfAMoreLikelyFourCharacterCodeAreLeftOut() {
        List<CodeSuggestion> ranked = List.of(
                s(CodeSystem.ICD10PCS, "0TT0", 0.8),
                s(CodeSystem.ICD10PCS, "0TT00ZZ", 0.6),
                s(CodeSystem.ICD10PCS, "BT41ZZZ", 0.5),
                s(CodeSystem.ICD10PCS, "0TT04ZZ", 0.3));
        assertEquals(List.of("0TT0", "BT41ZZZ"), codes(RankerStage.withoutWeakerPcsExtensions(ranked)));
    }

    @Test
    void aStrongerExtensionKeepsBothAndOtherSystemsAreUntouched() {
        List<CodeSuggestion> ranked = List.of(
                s(CodeSystem.ICD10PCS, "0TT00ZZ", 0.9),
                s(CodeSystem.ICD10PCS, "0TT0", 0.7),
                s(CodeSystem.ICD10CM, "N18.9", 0.6),
                s(CodeSystem.ICD10CM, "N18", 0.65));
        assertEquals(List.of("0TT00ZZ", "0TT0", "N18.9", "N18"),
                codes(RankerStage.withoutWeakerPcsExtensions(ranked)));
    }
}
