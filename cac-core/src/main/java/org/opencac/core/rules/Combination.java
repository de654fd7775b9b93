package org.opencac.core.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the combination-code table: when every trigger is suggested, {@code add} replaces the triggers
 * listed in {@code remove}. A trigger is a list of alternative ICD-10-CM code prefixes.
 */
public record Combination(String group, List<List<String>> when, String add, List<List<String>> remove,
                          String explanation) {
    public static final String BUNDLED = "/org/opencac/core/rules/combination_codes.tsv";

    public Combination {
        when = List.copyOf(when);
        remove = List.copyOf(remove);
        for (List<String> trigger : remove) {
            if (!when.contains(trigger)) {
                throw new IllegalArgumentException("combination " + add + " removes " + trigger + " which is not in its condition");
            }
        }
    }

    /** Parses "E11.9 G62.9|G60.9" into triggers [[E11.9], [G62.9, G60.9]]. */
    public static List<List<String>> triggers(String text) {
        List<List<String>> triggers = new ArrayList<>();
        for (String trigger : text.strip().split("\\s+")) {
            if (!trigger.isEmpty()) {
                triggers.add(List.of(trigger.split("\\|")));
            }
        }
        return triggers;
    }

    /** The bundled table (resource {@value #BUNDLED}). */
    public static List<Combination> bundled() {
        try (InputStream in = Combination.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("missing resource " + BUNDLED);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the combination-code table", e);
        }
    }

    /** Reads the tab-separated table: group, when, add, remove, explanation; '#' lines and blank lines skipped. */
    public static List<Combination> read(InputStream in) throws IOException {
        List<Combination> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 5) {
                throw new IOException("combination table line " + number + ": expected 5 tab-separated fields, got "
                        + fields.length);
            }
            rows.add(new Combination(fields[0].strip(), triggers(fields[1]), fields[2].strip(), triggers(fields[3]),
                    fields[4].strip()));
        }
        return rows;
    }
}
