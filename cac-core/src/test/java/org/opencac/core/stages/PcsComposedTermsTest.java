package org.opencac.core.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermSources;

class PcsComposedTermsTest {

    private static Map.Entry<DictionaryTerm, String> term(String code, String text, String source) {
        return Map.entry(new DictionaryTerm(CodeSystem.ICD10PCS, code, text, source, 1.0), "FY2018");
    }

    private static List<Map.Entry<DictionaryTerm, String>> fixture() {
        List<Map.Entry<DictionaryTerm, String>> terms = new ArrayList<>();
        // Translated official terms: two CT terms (group B2) and eight excision terms (group 0B).
        terms.add(term("BT20", "tomografía computerizada vesical", TermSources.ICD10_ES_TRANSLATED));
        terms.add(term("BT23", "tomografía computerizada renal", TermSources.ICD10_ES_TRANSLATED));
        for (String[] excision : new String[][] {{"0FB0", "hepática"}, {"0FB1", "hepática derecha"},
                {"0FB2", "hepática izquierda"}, {"0DB6", "gástrica"}, {"0DBH", "ciego"}, {"0CB7", "lengua"},
                {"0TB0", "renal derecha"}, {"0TBB", "vesical"}}) {
            terms.add(term(excision[0], "exéresis " + excision[1], TermSources.ICD10_ES_TRANSLATED));
        }
        // Learned phrases: "TAC" with three CT codes, "biopsia" with two excision codes only.
        terms.add(term("B020", "TAC cerebral", TermSources.CODIESP_TRAIN));
        terms.add(term("BW24", "TAC torácico", TermSources.CODIESP_TRAIN));
        terms.add(term("BW20", "TAC abdominal", TermSources.CODIESP_TRAIN));
        terms.add(term("0DB6", "biopsia gástrica", TermSources.CODIESP_TRAIN));
        terms.add(term("0HB0", "biopsia cutánea", TermSources.CODIESP_TRAIN));
        return terms;
    }

    private static Set<String> composed(List<Map.Entry<DictionaryTerm, String>> terms) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<DictionaryTerm, String> entry : PcsComposedTerms.compose(terms)) {
            DictionaryTerm t = entry.getKey();
            assertEquals(PcsComposedTerms.SOURCE, t.source());
            out.add(t.code() + " " + t.text());
        }
        return out;
    }

    @Test
    void learnedImagingWordReplacesTheOfficialModalityWords() {
        assertEquals(Set.of("BT20 tac vesical", "BT23 tac renal"), composed(fixture()));
    }

    @Test
    void aWordOfFewerThanThreeLearnedPhrasesComposesNothing() {
        List<Map.Entry<DictionaryTerm, String>> terms = fixture();
        terms.removeIf(e -> e.getKey().text().equals("TAC abdominal"));
        assertTrue(composed(terms).isEmpty());
    }
}
