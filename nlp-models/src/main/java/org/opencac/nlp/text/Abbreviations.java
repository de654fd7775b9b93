package org.opencac.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Abbreviations written with periods, loaded from our bundled lists. Immutable. */
public final class Abbreviations {
    /** How an abbreviation behaves at a sentence boundary. */
    public enum Kind {
        /** Never ends a sentence: "Dr.", "vs.", "y.o.". */
        INNER,
        /** May end a sentence, but only before a capitalised word: "b.i.d.", "p.r.n.". */
        TERMINAL
    }

    private final Map<String, Kind> kinds;

    private Abbreviations(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** The bundled list for "en" or "es". */
    public static Abbreviations forLanguage(String language) {
        String resource = "abbreviations-" + language + ".txt";
        try (InputStream in = Abbreviations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No abbreviation list for language " + language);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Abbreviations parse(BufferedReader lines) throws IOException {
        Map<String, Kind> kinds = new HashMap<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            kinds.put(columns[0].strip().toLowerCase(Locale.ROOT),
                    Kind.valueOf(columns[1].strip().toUpperCase(Locale.ROOT)));
        }
        return new Abbreviations(kinds);
    }

    /** The kind of a word (case-insensitive, including its final period), or null when it is not listed. */
    public Kind kindOf(CharSequence word) {
        return kinds.get(word.toString().toLowerCase(Locale.ROOT));
    }

    public Set<String> all() {
        return kinds.keySet();
    }
}
