package org.opencac.core.rank;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.match.TokenNormalizer;

/**
 * The English terms projected from CodiEsp train evidence (nlp-models resource
 * {@code align/codiesp-train-en-projected-terms.tsv.gz}) as dictionary terms with source
 * {@link CandidateFeatures#PROJECTED_SOURCE}. Each term's weight is its count over the count of the same phrase
 * for all codes. The list is not filtered here: the ranker's term-precision features decide how much a match of
 * such a term is worth.
 */
public final class ProjectedTerms {
    static final String RESOURCE = "/org/opencac/nlp/align/codiesp-train-en-projected-terms.tsv.gz";

    private ProjectedTerms() {
    }

    public static List<DictionaryTerm> bundled(int minCount) {
        try (InputStream in = ProjectedTerms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return read(new GZIPInputStream(in), minCount);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read projected English terms", e);
        }
    }

    /** Reads {@code system<TAB>code<TAB>term<TAB>count[<TAB>source]} lines, keeping terms seen minCount times. */
    public static List<DictionaryTerm> read(InputStream in, int minCount) throws IOException {
        record Row(CodeSystem system, String code, String term, int count) {
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> totals = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new IOException("projected-terms line needs at least 4 tab-separated fields");
            }
            Row row = new Row(CodeSystem.fromDisplayName(f[0]), f[1], f[2], Integer.parseInt(f[3]));
            rows.add(row);
            totals.merge(TokenNormalizer.foldLower(row.term()), row.count(), Integer::sum);
        }
        List<DictionaryTerm> terms = new ArrayList<>();
        for (Row row : rows) {
            if (row.count() >= minCount) {
                terms.add(new DictionaryTerm(row.system(), row.code(), row.term(), CandidateFeatures.PROJECTED_SOURCE,
                        (double) row.count() / totals.get(TokenNormalizer.foldLower(row.term()))));
            }
        }
        return terms;
    }
}
