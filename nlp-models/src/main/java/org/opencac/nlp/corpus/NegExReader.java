package org.opencac.nlp.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencac.nlp.text.TextSpan;

/** Reads the NegEx test-set TSV (header; line number, condition, sentence, negation, temporality, experiencer). */
public final class NegExReader {
    private NegExReader() {
    }

    public static List<NegExItem> read(Path tsv) throws IOException {
        return parse(Files.readAllLines(tsv, StandardCharsets.UTF_8));
    }

    /** Parses the lines of the file, the first being the header. */
    public static List<NegExItem> parse(List<String> lines) {
        List<NegExItem> items = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 6) {
                throw new IllegalArgumentException("NegEx row " + (i + 1) + " has " + columns.length + " columns");
            }
            String condition = columns[1].strip();
            String sentence = columns[2];
            items.add(new NegExItem(columns[0].strip(), condition, sentence, locate(condition, sentence),
                    columns[3].strip(), columns[4].strip(), columns[5].strip()));
        }
        return items;
    }

    /** The first case-insensitive occurrence of the condition in the sentence, or null. */
    static TextSpan locate(String condition, String sentence) {
        if (condition.isEmpty()) {
            return null;
        }
        // Upper-casing ASCII text keeps its length, so offsets stay valid.
        int start = sentence.toUpperCase(Locale.ROOT).indexOf(condition.toUpperCase(Locale.ROOT));
        return start < 0 ? null : new TextSpan(start, start + condition.length());
    }
}
