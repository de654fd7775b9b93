package org.opencac.dictionaries.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CPT code file in the simple tab-separated format documented in the module README:
 * {@code code<TAB>description[<TAB>term|term|...]}. Blank lines and lines starting with '#' are skipped;
 * an optional header line starting with "code" is skipped too.
 */
public final class CptFileLoader {

    /** One CPT code: its description and extra phrases that should find it in notes. */
    public record CptRecord(String code, String description, List<String> terms) {
        public CptRecord {
            terms = List.copyOf(terms);
        }
    }

    private CptFileLoader() {
    }

    public static List<CptRecord> read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<CptRecord> records = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#") || (lineNumber == 1 && line.toLowerCase().startsWith("code\t"))) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            String code = fields[0].strip();
            if (fields.length < 2 || !code.matches("[0-9]{4}[0-9FTU]")) {
                throw new IOException("CPT file line " + lineNumber + ": expected code<TAB>description");
            }
            List<String> terms = new ArrayList<>();
            if (fields.length > 2) {
                for (String term : fields[2].split("\\|")) {
                    if (!term.isBlank()) {
                        terms.add(term.strip());
                    }
                }
            }
            records.add(new CptRecord(code, fields[1].strip(), terms));
        }
        return records;
    }
}
