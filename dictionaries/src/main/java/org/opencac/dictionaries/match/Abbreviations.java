package org.opencac.dictionaries.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clinical abbreviations and their expansions, from our own lists under
 * {@code org/opencac/dictionaries/abbreviations/}: one {@code abbreviation<TAB>expansion[<TAB>cased]} per
 * line. "cased" marks abbreviations that are also ordinary words (Spanish "FA", English "MS"): those only
 * count when the note writes them with a capital letter or a digit. Keys are folded to lower case.
 */
public final class Abbreviations {

    private final Map<String, List<String>> expansions;
    private final Set<String> casedOnly;

    public Abbreviations(Map<String, List<String>> expansions, Set<String> casedOnly) {
        this.expansions = Map.copyOf(expansions);
        this.casedOnly = Set.copyOf(casedOnly);
    }

    public static Abbreviations empty() {
        return new Abbreviations(Map.of(), Set.of());
    }

    /** Every expansion of the abbreviation key (folded, lower case), or an empty list. */
    public List<String> expansions(String key) {
        return expansions.getOrDefault(key, List.of());
    }

    public Map<String, List<String>> asMap() {
        return expansions;
    }

    public int size() {
        return expansions.size();
    }

    /** True when {@code surface}, as written in a note, should be read as the abbreviation. */
    public boolean accepts(String key, CharSequence surface) {
        if (!expansions.containsKey(key)) {
            return false;
        }
        if (!casedOnly.contains(key)) {
            return true;
        }
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    public static Abbreviations read(InputStream in) throws IOException {
        Map<String, List<String>> map = new HashMap<>();
        Set<String> cased = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 2 || fields.length > 3) {
                throw new IOException("abbreviation line needs abbreviation<TAB>expansion[<TAB>cased]: " + line);
            }
            String key = TokenNormalizer.foldLower(fields[0].strip());
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(fields[1].strip());
            if (fields.length == 3 && fields[2].strip().equals("cased")) {
                cased.add(key);
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        map.forEach((key, list) -> frozen.put(key, List.copyOf(list)));
        return new Abbreviations(frozen, cased);
    }

    public static Abbreviations bundled(Language language) {
        return bundled("/org/opencac/dictionaries/abbreviations/abbreviations_" + language.name().toLowerCase()
                + ".tsv");
    }

    /** Our own list of word-for-word alternatives (same file format, without the "cased" column). */
    public static Abbreviations bundledSynonyms(Language language) {
        return bundled("/org/opencac/dictionaries/abbreviations/synonyms_" + language.name().toLowerCase() + ".tsv");
    }

    private static Abbreviations bundled(String resource) {
        try (InputStream in = Abbreviations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
