package org.opencac.dictionaries.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.match.TokenNormalizer;

/**
 * Reads a learned-terms file written by {@code BuildLearnedTerms}: {@code system<TAB>code<TAB>term<TAB>count}
 * with a '#' comment header. Each term's weight is its count divided by the count of the same phrase
 * (case and accents ignored) over all codes, so an ambiguous phrase gives each code a share.
 */
public final class LearnedTermsReader {

    private LearnedTermsReader() {
    }

    public static List<DictionaryTerm> read(InputStream in, String source) throws IOException {
        record Row(CodeSystem system, String code, String term, int count) {
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> totalByPhrase = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                throw new IOException("learned-terms line needs 4 tab-separated fields");
            }
            Row row = new Row(CodeSystem.fromDisplayName(fields[0]), fields[1], fields[2], Integer.parseInt(fields[3]));
            rows.add(row);
            totalByPhrase.merge(TokenNormalizer.foldLower(row.term()), row.count(), Integer::sum);
        }
        List<DictionaryTerm> terms = new ArrayList<>(rows.size());
        for (Row row : rows) {
            double weight = (double) row.count() / totalByPhrase.get(TokenNormalizer.foldLower(row.term()));
            terms.add(new DictionaryTerm(row.system(), row.code(), row.term(), source, weight));
        }
        return terms;
    }
}
