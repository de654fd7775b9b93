package org.opencac.dictionaries.cm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeRelease;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.TermSources;
import org.opencac.dictionaries.match.SimpleTokenizer;

/**
 * The tabular list's nodes, and so the English inclusion terms, come in the XML's order on every run. With
 * {@code Map.copyOf} they came in an order that changed from one JVM run to the next, and two codes sharing an
 * inclusion term ("eosinophilic granuloma": C96.6 and K13.4) were matched in either order, which made English
 * ranker training rows, and so the trained model, differ from run to run.
 */
class CmTabularOrderTest {
    /** Codes C00.0 .. C00.9, C01.0 .. C01.9, ..., then C96.6 and K13.4, which share an inclusion term. */
    private static final List<String> CODES = codes();

    private static List<String> codes() {
        List<String> codes = new ArrayList<>();
        for (int category = 0; category < 4; category++) {
            for (int sub = 0; sub < 10; sub++) {
                codes.add("C0" + category + "." + sub);
            }
        }
        codes.add("C96.6");
        codes.add("K13.4");
        return List.copyOf(codes);
    }

    private static String xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ICD10CM.tabular>\n"
                + "<chapter><name>2</name><desc>Fixture chapter</desc><section id=\"C00-K14\"><desc>Fixture</desc>\n");
        for (String code : CODES) {
            xml.append("<diag><name>").append(code).append("</name><desc>Fixture code ").append(code).append("</desc>");
            if (code.equals("C96.6") || code.equals("K13.4")) {
                xml.append("<inclusionTerm><note>Eosinophilic granuloma</note></inclusionTerm>");
            }
            xml.append("</diag>\n");
        }
        return xml.append("</section></chapter>\n</ICD10CM.tabular>\n").toString();
    }

    private static CmTabular tabular() throws IOException {
        return CmTabular.read(new ByteArrayInputStream(xml().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nodesComeInTheOrderTheXmlClosesThem() throws IOException {
        List<String> expected = new ArrayList<>(CODES);
        expected.add("C00-K14");
        expected.add("chapter 2");
        assertEquals(expected, tabular().nodes().stream().map(TabularNode::id).toList());
    }

    @Test
    void codesSharingAnInclusionTermAreMatchedInTheXmlOrder() throws IOException {
        List<CodeEntry> entries = CODES.stream()
                .map(code -> new CodeEntry(CodeSystem.ICD10CM, code, "Fixture code " + code, "Fixture code " + code,
                        true, "FY2026"))
                .toList();
        Dictionaries dictionaries = Dictionaries.builder()
                .addRelease(new CodeRelease(CodeSystem.ICD10CM, "FY2026", LocalDate.of(2025, 10, 1), entries, Map.of()))
                .cmTabular(tabular())
                .build();
        String text = "Biopsy showed eosinophilic granuloma of the jaw.";
        SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
        List<String> matched = dictionaries.matcher("en", null).match(text, tokens.starts(), tokens.ends()).stream()
                .filter(m -> m.termSource().equals(TermSources.INCLUSION_TERM))
                .map(TermMatch::code)
                .toList();
        assertEquals(List.of("C96.6", "K13.4"), matched);
    }
}
