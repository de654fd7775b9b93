package org.opencac.nlp.sections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opencac.nlp.text.TextFolding;

/**
 * Finds section headings at the start of a line, in any case and with or without accents: a known heading followed
 * by a colon, or alone on its line. A line holding only an unknown capitalised label and a colon ("DISPOSITION:")
 * opens an OTHER section; labels followed by values on the same line ("TEMP: 38.2") stay in their section. Immutable and thread-safe.
 */
public final class HeadingSectionDetector implements SectionDetector {
    /** Optional list numbering, the heading, then a colon (with text after it) or the end of the line. */
    private static final String LINE_START = "(?m)^[ \\t]*(?:\\d{1,2}[.)][ \\t]*)?";
    private static final Pattern UNKNOWN_HEADING =
            Pattern.compile(LINE_START + "(\\p{Lu}[\\p{Lu} /&-]{2,40})[ \\t]*:[ \\t]*$");

    private final Map<String, SectionType> typesByHeading;
    private final Pattern knownHeading;

    private HeadingSectionDetector(Map<String, SectionType> typesByHeading) {
        this.typesByHeading = Map.copyOf(typesByHeading);
        String alternatives = this.typesByHeading.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(heading -> List.of(heading.split(" ")).stream().map(Pattern::quote)
                        .collect(Collectors.joining("[ \\t]+")))
                .collect(Collectors.joining("|"));
        this.knownHeading = Pattern.compile(LINE_START + "(" + alternatives + ")[ \\t]*(?::|$)");
    }

    /** The bundled heading list for "en" or "es". */
    public static HeadingSectionDetector forLanguage(String language) {
        String resource = "headings-" + language + ".tsv";
        try (InputStream in = HeadingSectionDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No heading list for language " + language);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code SECTION_TYPE<TAB>heading}; {@code #} starts a comment. */
    static HeadingSectionDetector parse(BufferedReader lines) throws IOException {
        Map<String, SectionType> types = new HashMap<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            String heading = TextFolding.fold(columns[1].strip()).replaceAll("\\s+", " ");
            types.put(heading, SectionType.valueOf(columns[0].strip().toUpperCase(Locale.ROOT)));
        }
        return new HeadingSectionDetector(types);
    }

    /** A heading found in the text. */
    private record Heading(int start, int bodyStart, SectionType type, String text) {
    }

    @Override
    public List<Section> detect(String text) {
        List<Heading> headings = findHeadings(text);
        List<Section> sections = new ArrayList<>();
        int firstStart = headings.isEmpty() ? text.length() : headings.get(0).start();
        if (firstStart > 0 || headings.isEmpty()) {
            sections.add(new Section(0, firstStart, 0, SectionType.OTHER, ""));
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading heading = headings.get(i);
            int end = i + 1 < headings.size() ? headings.get(i + 1).start() : text.length();
            sections.add(new Section(heading.start(), end, heading.bodyStart(), heading.type(), heading.text()));
        }
        return sections;
    }

    private List<Heading> findHeadings(String text) {
        String folded = TextFolding.fold(text);
        Map<Integer, Heading> byLineStart = new HashMap<>();
        // Both patterns match only from a line start and never across a line end, so each is tried once per line
        // (lookingAt) instead of at every character (find): the per-position attempts cost more than the matching.
        Matcher unknown = UNKNOWN_HEADING.matcher(text);
        Matcher known = knownHeading.matcher(folded);
        for (int lineStart : lineStarts(text)) {
            unknown.region(lineStart, text.length());
            if (unknown.lookingAt()) {
                byLineStart.put(unknown.start(1), new Heading(unknown.start(1), bodyStart(text, unknown.end()),
                        SectionType.OTHER, unknown.group(1).strip()));
            }
            known.region(lineStart, folded.length());
            if (known.lookingAt()) {
                String key = known.group(1).replaceAll("\\s+", " ");
                // A known heading replaces an unknown one found at the same place.
                byLineStart.put(known.start(1), new Heading(known.start(1), bodyStart(text, known.end()),
                        typesByHeading.get(key), text.substring(known.start(1), known.end(1))));
            }
        }
        List<Heading> headings = new ArrayList<>(byLineStart.values());
        headings.sort(Comparator.comparingInt(Heading::start));
        return headings;
    }

    /** The body starts after the colon and the spaces (or the line break) that follow the heading. */
    private static int bodyStart(String text, int afterHeading) {
        int i = afterHeading;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    /**
     * Where {@code (?m)^} matches: the text's start and after every line terminator that java.util.regex knows
     * (\n, \r not followed by \n, \r\n, U+0085, U+2028, U+2029), but not at the very end of the text.
     */
    static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        if (text.isEmpty()) {
            return starts;
        }
        starts.add(0);
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            boolean terminator = c == '\n' || (c == '\r' && text.charAt(i + 1) != '\n') || c == '\u0085'
                    || c == '\u2028' || c == '\u2029';
            if (terminator) {
                starts.add(i + 1);
            }
        }
        return starts;
    }
}
