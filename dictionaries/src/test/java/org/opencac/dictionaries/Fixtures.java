package org.opencac.dictionaries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.opencac.dictionaries.cm.CmTabular;
import org.opencac.dictionaries.load.CptFileLoader;
import org.opencac.dictionaries.load.IndexReader;
import org.opencac.dictionaries.load.OrderFileLoader;
import org.opencac.dictionaries.match.Abbreviations;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.pcs.PcsTables;

/** Small dictionaries built from the files under src/test/resources/fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    public static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        return in;
    }

    public static CodeRelease orderRelease(CodeSystem system, String file, String name, LocalDate validFrom) {
        try (InputStream in = open(file)) {
            return new CodeRelease(system, name, validFrom, OrderFileLoader.read(in, system, name), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FY2018 and FY2026 CM samples, a FY2026 PCS sample, tabular/index/PCS tables samples and a CPT sample. */
    public static Dictionaries dictionaries() {
        try (InputStream tabular = open("tabular_sample.xml");
             InputStream index = open("index_sample.xml");
             InputStream pcs = open("pcs_tables_sample.xml");
             InputStream cpt = open("cpt_sample.tsv")) {
            return Dictionaries.builder()
                    .addRelease(orderRelease(CodeSystem.ICD10CM, "icd10cm_order_2018_sample.txt", "FY2018",
                            LocalDate.of(2017, 10, 1)))
                    .addRelease(orderRelease(CodeSystem.ICD10CM, "icd10cm_order_2026_sample.txt", "FY2026",
                            LocalDate.of(2025, 10, 1)))
                    .addRelease(orderRelease(CodeSystem.ICD10PCS, "icd10pcs_order_2026_sample.txt", "FY2026",
                            LocalDate.of(2025, 10, 1)))
                    .cmTabular(CmTabular.read(tabular))
                    .cmIndex(IndexReader.read(index))
                    .addPcsTables(PcsTables.read(pcs, "FY2026"))
                    .addCpt(CptFileLoader.read(cpt), "test", TermSources.CPT_USER)
                    .addTerms(Language.ES, List.of(
                            new DictionaryTerm(CodeSystem.ICD10CM, "E11.9", "diabetes mellitus tipo 2", "test", 1.0)))
                    .abbreviations(Language.EN, new Abbreviations(Map.of("htn", List.of("hypertension")), java.util.Set.of()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
