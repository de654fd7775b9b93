package org.opencac.eval.codiesp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the D, P and X files of a CodiEsp split. Missing files read as empty (the X file is optional). */
public final class CodiespGoldReader {
    private CodiespGoldReader() {
    }

    public static CodiespGold read(CodiespSplit split) {
        Set<CodeKey> codes = new LinkedHashSet<>();
        codes.addAll(readCodes(split.diagnosesFile(), CodeType.D));
        codes.addAll(readCodes(split.proceduresFile(), CodeType.P));
        return new CodiespGold(split.name(), codes, readReferences(split.referencesFile()));
    }

    /** {@code docid<TAB>code} lines; repeated lines count once. */
    public static Set<CodeKey> readCodes(Path file, CodeType type) {
        Set<CodeKey> codes = new LinkedHashSet<>();
        for (String[] fields : rows(file)) {
            if (fields.length < 2) {
                throw new IllegalArgumentException("Expected docid<TAB>code in " + file);
            }
            codes.add(new CodeKey(fields[0].trim(), type, fields[1]));
        }
        return codes;
    }

    /** {@code docid<TAB>label<TAB>code<TAB>evidence<TAB>s1 e1[;s2 e2...]} lines. */
    public static List<GoldReference> readReferences(Path file) {
        List<GoldReference> references = new ArrayList<>();
        for (String[] fields : rows(file)) {
            if (fields.length < 5) {
                throw new IllegalArgumentException("Expected 5 fields in X file " + file);
            }
            CodeKey key = new CodeKey(fields[0].trim(), CodeType.fromLabel(fields[1].trim()), fields[2]);
            references.add(new GoldReference(key, fields[3], outerSpan(fields[4], fields[3]), fields[4].trim()));
        }
        return references;
    }

    /** A discontinuous reference "s1 e1;s2 e2" runs from its first start to its last end. */
    static TextSpan outerSpan(String offsets, String evidence) {
        String[] pieces = offsets.trim().split(";");
        int start = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (String piece : pieces) {
            String[] bounds = piece.trim().split("\\s+");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("Bad offsets '" + offsets + "'");
            }
            start = Math.min(start, Integer.parseInt(bounds[0]));
            end = Math.max(end, Integer.parseInt(bounds[1]));
        }
        return new TextSpan(start, end, evidence);
    }

    private static List<String[]> rows(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
