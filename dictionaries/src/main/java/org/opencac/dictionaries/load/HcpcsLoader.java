package org.opencac.dictionaries.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.CodeValidity;

/**
 * Reads the CMS HCPCS Level II alpha-numeric file: 320-byte fixed-width records in cp1252. Record id
 * (column 11) 3 starts a procedure, 4 continues its long description; 7 and 8 are modifiers, which are
 * skipped. Lines that are not records (the disclaimer at the top) are ignored.
 */
public final class HcpcsLoader {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** One HCPCS procedure code with its continuation lines joined. */
    public record HcpcsRecord(String code, String shortTitle, String longTitle, CodeValidity validity) {
    }

    private HcpcsLoader() {
    }

    public static List<HcpcsRecord> read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, CP1252));
        List<HcpcsRecord> records = new ArrayList<>();
        String code = null;
        String shortTitle = null;
        StringBuilder longTitle = new StringBuilder();
        CodeValidity validity = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.length() < 12 || !isRecordLine(line)) {
                continue;
            }
            char recordId = line.charAt(10);
            if (recordId == '3') {
                if (code != null) {
                    records.add(new HcpcsRecord(code, shortTitle, longTitle.toString().strip(), validity));
                }
                code = line.substring(0, 5).strip();
                longTitle.setLength(0);
                longTitle.append(field(line, 11, 91));
                shortTitle = field(line, 91, 119);
                validity = new CodeValidity(date(line, 268), date(line, 276), date(line, 284));
            } else if (recordId == '4' && code != null && line.substring(0, 5).strip().equals(code)) {
                longTitle.append(' ').append(field(line, 11, 91));
            }
        }
        if (code != null) {
            records.add(new HcpcsRecord(code, shortTitle, longTitle.toString().strip(), validity));
        }
        return records;
    }

    /** Converts records to entries; every HCPCS code is reportable, so all are billable. */
    public static List<CodeEntry> toEntries(List<HcpcsRecord> records, String release) {
        List<CodeEntry> entries = new ArrayList<>(records.size());
        for (HcpcsRecord record : records) {
            entries.add(new CodeEntry(CodeSystem.HCPCS, record.code(), record.shortTitle(), record.longTitle(), true,
                    release));
        }
        return entries;
    }

    private static boolean isRecordLine(String line) {
        // Records have a 5-digit sequence number in columns 6-10.
        for (int i = 5; i < 10; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String field(String line, int from, int to) {
        if (from >= line.length()) {
            return "";
        }
        return line.substring(from, Math.min(to, line.length())).strip();
    }

    private static LocalDate date(String line, int from) {
        String text = field(line, from, from + 8);
        if (text.length() != 8) {
            return null;
        }
        return LocalDate.parse(text, YYYYMMDD);
    }
}
