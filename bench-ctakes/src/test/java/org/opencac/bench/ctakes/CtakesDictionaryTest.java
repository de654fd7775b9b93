package org.opencac.bench.ctakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeRelease;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;
import org.w3c.dom.Document;

class CtakesDictionaryTest {

    @Test
    void rowHasTheFourColumnsTheLookupReads() {
        assertEquals("C0000007|T047|Essential (primary) hypertension|I10",
                CtakesDictionary.row(7, "I10", "Essential (primary) hypertension"));
    }

    @Test
    void barsInATitleCannotAddColumns() {
        String row = CtakesDictionary.row(1, "X00", "a|b");
        assertEquals(4, row.split("\\|", -1).length);
        assertTrue(row.contains("|a b|"));
    }

    @Test
    void emptyTitleGivesNoRow() {
        assertNull(CtakesDictionary.row(1, "X00", " "));
        assertNull(CtakesDictionary.row(1, "X00", null));
    }

    @Test
    void writesOneRowPerTitledCodeAndALookupSpecNamingTheFile(@TempDir Path folder) throws Exception {
        CodeRelease release = new CodeRelease(CodeSystem.ICD10CM, "FY2099", LocalDate.of(2098, 10, 1), List.of(
                entry("I10", "Essential (primary) hypertension"),
                entry("E11.9", "Type 2 diabetes mellitus without complications"),
                entry("Z99", "")), java.util.Map.of());
        Dictionaries dictionaries = Dictionaries.builder().addRelease(release).build();

        CtakesDictionary.Written written = CtakesDictionary.write(dictionaries, null, folder);

        assertEquals("FY2099", written.release());
        assertEquals(2, written.rows());
        List<String> lines = Files.readAllLines(written.bsv());
        assertTrue(lines.get(0).startsWith("#"));
        assertEquals(List.of("C0000001|T047|Type 2 diabetes mellitus without complications|E11.9",
                "C0000002|T047|Essential (primary) hypertension|I10"), lines.subList(1, lines.size()));

        Document spec = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(written.lookupXml().toFile());
        var properties = spec.getElementsByTagName("property");
        assertEquals(3, properties.getLength());
        for (int i = 0; i < 2; i++) {
            var property = (org.w3c.dom.Element) properties.item(i);
            assertEquals("bsvPath", property.getAttribute("key"));
            assertEquals(written.bsv().toAbsolutePath().toString(), property.getAttribute("value"));
        }
    }

    @Test
    void componentsMustBeAPrefixOfThePipeline() {
        CtakesComponents.checkPrefix(List.of("segment", "sentences", "tokens"));
        CtakesComponents.checkPrefix(CtakesComponents.ALL);
        assertThrows(IllegalArgumentException.class, () -> CtakesComponents.checkPrefix(List.of("tokens")));
        assertThrows(IllegalArgumentException.class, () -> CtakesComponents.checkPrefix(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> CtakesComponents.checkPrefix(List.of("segment", "sentences", "pos")));
    }

    @Test
    void cTakesLoaderLeavesOutOurOpenNlpOnly() {
        assertTrue(IsolatedCtakes.isOurOpenNlp("opennlp-tools-2.5.11.jar"));
        assertTrue(!IsolatedCtakes.isOurOpenNlp("opennlp-tools-1.7.2.jar"));
        assertTrue(!IsolatedCtakes.isOurOpenNlp("opennlp-maxent-3.0.3.jar"));
        assertTrue(!IsolatedCtakes.isOurOpenNlp("uimaj-core-2.10.2.jar"));
    }

    @Test
    void optionsAcceptVsCtakesAndRejectUnknownOnes() {
        var options = VsCtakesBenchmark.parse(new String[] {"--vs", "ctakes", "--notes", "x", "--limit", "5"});
        assertEquals("x", options.get("notes"));
        assertEquals("5", options.get("limit"));
        assertThrows(IllegalArgumentException.class, () -> VsCtakesBenchmark.parse(new String[] {"--vs", "metamap"}));
        assertThrows(IllegalArgumentException.class, () -> VsCtakesBenchmark.parse(new String[] {"--threads", "4"}));
        assertThrows(IllegalArgumentException.class, () -> VsCtakesBenchmark.parse(new String[] {"--notes"}));
    }

    private static CodeEntry entry(String code, String title) {
        return new CodeEntry(CodeSystem.ICD10CM, code, title, title, true, "FY2099");
    }
}
