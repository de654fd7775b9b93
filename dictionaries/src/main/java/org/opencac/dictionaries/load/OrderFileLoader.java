package org.opencac.dictionaries.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Codes;

/**
 * Reads a CMS/CDC ICD-10-CM or ICD-10-PCS order file: fixed width, code in columns 7-13, flag in 15
 * (1 = billable / valid, 0 = header), short title in 17-76, long title from 78.
 */
public final class OrderFileLoader {

    private OrderFileLoader() {
    }

    public static List<CodeEntry> read(InputStream in, CodeSystem system, String release) throws IOException {
        List<CodeEntry> entries = new ArrayList<>(100_000);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 78) {
                throw new IOException("order file line " + lineNumber + " is too short for the fixed-width layout");
            }
            String code = Codes.canonical(system, line.substring(6, 13));
            boolean billable = line.charAt(14) == '1';
            String shortTitle = line.substring(16, 76).strip();
            String longTitle = line.substring(77).strip();
            entries.add(new CodeEntry(system, code, shortTitle, longTitle, billable, release));
        }
        return entries;
    }
}
