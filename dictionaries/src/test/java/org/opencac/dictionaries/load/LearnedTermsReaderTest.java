package org.opencac.dictionaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;

class LearnedTermsReaderTest {

    @Test
    void weightIsTheShareOfThePhraseAnnotationsIgnoringCaseAndAccents() throws IOException {
        String file = "# header\nICD-10-CM\tJ18.9\tneumonía\t3\nICD-10-CM\tJ15.9\tNeumonia\t1\n"
                + "ICD-10-PCS\tBW03ZZZ\tRx tórax\t2\n";
        List<DictionaryTerm> terms = LearnedTermsReader.read(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "codiesp-train");
        assertEquals(3, terms.size());
        assertEquals(0.75, terms.get(0).weight(), 1e-9);
        assertEquals(0.25, terms.get(1).weight(), 1e-9);
        assertEquals(1.0, terms.get(2).weight(), 1e-9);
        assertEquals(CodeSystem.ICD10PCS, terms.get(2).system());
        assertEquals("codiesp-train", terms.get(2).source());
    }
}
