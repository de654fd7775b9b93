package org.opencac.core.rank;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opencac.core.model.Mention;
import org.opencac.core.stages.GappedTermMatcher;
import org.opencac.dictionaries.match.TokenNormalizer;

/**
 * Counts gathered on coded training documents, used as ranker features:
 * <ul>
 *   <li>term precision: for a matched string (case and accents folded) and a code, in how many documents the
 *   string was matched for that code ({@code seen}) and in how many of those the code is in the gold
 *   ({@code coded});</li>
 *   <li>code prior: in how many documents each code is in the gold, out of {@link #documents()};</li>
 *   <li>code precision: in how many documents the code had any dictionary mention ({@code seen}) and in how many
 *   of those it is in the gold ({@code coded}), whatever the strings; a fallback for strings never seen.</li>
 * </ul>
 * Immutable once built; build with {@link Builder}, one document at a time.
 */
public final class TermStatistics {
    /** Counts of one (string, code) pair. */
    public record Counts(int seen, int coded) {
    }

    /** The counts of anything never seen in training. */
    private static final Counts NEVER_SEEN = new Counts(0, 0);

    private final Map<String, Counts> terms;
    private final Map<String, Integer> codeDocuments;
    private final Map<String, Counts> codeMentions;
    private final int documents;

    private TermStatistics(Map<String, Counts> terms, Map<String, Integer> codeDocuments,
                           Map<String, Counts> codeMentions, int documents) {
        // HashMap copies, not Map.copyOf: its look-ups hash with a division, and the ranker asks these maps
        // several times per candidate. The maps are small (thousands of entries).
        this.terms = Collections.unmodifiableMap(new HashMap<>(terms));
        this.codeDocuments = Collections.unmodifiableMap(new HashMap<>(codeDocuments));
        this.codeMentions = Collections.unmodifiableMap(new HashMap<>(codeMentions));
        this.documents = documents;
    }

    public static TermStatistics empty() {
        return new TermStatistics(Map.of(), Map.of(), Map.of(), 0);
    }

    /** Key of a code: "ICD-10-CM|E11.9" (canonical code). */
    public static String codeKey(String system, String code) {
        return system + '|' + code;
    }

    /** Compiled once: String.replaceAll would compile the pattern on every call. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** Case- and accent-folded mention text with single spaces. */
    public static String foldText(String text) {
        String stripped = TokenNormalizer.foldLower(text).strip();
        return hasWhitespaceToCollapse(stripped) ? WHITESPACE.matcher(stripped).replaceAll(" ") : stripped;
    }

    /** Whether {@link #WHITESPACE} would change the text: a {@code \s} character other than a lone space. */
    private static boolean hasWhitespaceToCollapse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
                    || (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text a mention's statistics are kept under: its folded text, or for a gapped or partial match (whose
     * text holds whatever words lie in between) the folded term it matched, marked with the kind of match.
     */
    public static String statisticsText(Mention mention) {
        String source = mention.termSource();
        if (source != null && source.endsWith(GappedTermMatcher.SUFFIX)) {
            return "~gapped " + foldText(mention.term());
        }
        if (source != null && source.endsWith(GappedTermMatcher.PARTIAL_SUFFIX)) {
            return "~partial " + foldText(mention.term());
        }
        if (source != null && source.endsWith(GappedTermMatcher.STEM_SUFFIX)) {
            return "~stem " + foldText(mention.term());
        }
        return foldText(mention.text());
    }

    public Counts counts(String codeKey, String foldedText) {
        return terms.getOrDefault(codeKey + '|' + foldedText, NEVER_SEEN);
    }

    /** Documents in which the code had any mention ({@code seen}) and of those, documents coded with it. */
    public Counts codeMentions(String codeKey) {
        return codeMentions.getOrDefault(codeKey, NEVER_SEEN);
    }

    public int codeDocuments(String codeKey) {
        return codeDocuments.getOrDefault(codeKey, 0);
    }

    public int documents() {
        return documents;
    }

    public int size() {
        return terms.size();
    }

    /** Accumulates counts document by document. */
    public static final class Builder {
        private final Map<String, int[]> terms = new HashMap<>();
        private final Map<String, Integer> codeDocuments = new HashMap<>();
        private final Map<String, int[]> codeMentions = new HashMap<>();
        private int documents;

        /**
         * Adds one training document: its mentions (every dictionary match) and its gold code keys
         * ({@link #codeKey}).
         */
        public Builder addDocument(Collection<Mention> mentions, Set<String> goldCodeKeys) {
            documents++;
            goldCodeKeys.forEach(key -> codeDocuments.merge(key, 1, Integer::sum));
            Set<String> seenHere = new HashSet<>();
            Set<String> codesHere = new HashSet<>();
            for (Mention mention : mentions) {
                String codeKey = codeKey(mention.system().displayName(), mention.code());
                seenHere.add(codeKey + '|' + statisticsText(mention));
                codesHere.add(codeKey);
            }
            for (String codeKey : codesHere) {
                int[] counts = codeMentions.computeIfAbsent(codeKey, k -> new int[2]);
                counts[0]++;
                counts[1] += goldCodeKeys.contains(codeKey) ? 1 : 0;
            }
            for (String key : seenHere) {
                int[] counts = terms.computeIfAbsent(key, k -> new int[2]);
                counts[0]++;
                String codeKey = key.substring(0, key.indexOf('|', key.indexOf('|') + 1));
                if (goldCodeKeys.contains(codeKey)) {
                    counts[1]++;
                }
            }
            return this;
        }

        public TermStatistics build() {
            return new TermStatistics(asCounts(terms), codeDocuments, asCounts(codeMentions), documents);
        }

        /** {seen, coded} arrays as {@link Counts}. */
        private static Map<String, Counts> asCounts(Map<String, int[]> tallies) {
            Map<String, Counts> result = new HashMap<>();
            tallies.forEach((key, counts) -> result.put(key, new Counts(counts[0], counts[1])));
            return result;
        }
    }

    // ------------------------------------------------------------------ file format

    /**
     * Writes the statistics as UTF-8 lines: {@code N<TAB>documents}, {@code C<TAB>codeKey<TAB>documents},
     * {@code M<TAB>codeKey<TAB>seen<TAB>coded} (code precision) and
     * {@code T<TAB>codeKey<TAB>text<TAB>seen<TAB>coded}, sorted so the file is reproducible.
     */
    public void write(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("N\t" + documents + "\n");
        for (Map.Entry<String, Integer> entry : new TreeMap<>(codeDocuments).entrySet()) {
            writer.write("C\t" + entry.getKey() + '\t' + entry.getValue() + '\n');
        }
        for (Map.Entry<String, Counts> entry : new TreeMap<>(codeMentions).entrySet()) {
            writer.write("M\t" + entry.getKey() + '\t' + entry.getValue().seen() + '\t' + entry.getValue().coded()
                    + '\n');
        }
        for (Map.Entry<String, Counts> entry : new TreeMap<>(terms).entrySet()) {
            String key = entry.getKey();
            int split = key.indexOf('|', key.indexOf('|') + 1);
            writer.write("T\t" + key.substring(0, split) + '\t' + key.substring(split + 1) + '\t'
                    + entry.getValue().seen() + '\t' + entry.getValue().coded() + '\n');
        }
        writer.flush();
    }

    public static TermStatistics read(InputStream in) throws IOException {
        Map<String, Counts> terms = new HashMap<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Counts> perCode = new HashMap<>();
        int documents = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "N" -> documents = Integer.parseInt(f[1]);
                case "C" -> codes.put(f[1], Integer.parseInt(f[2]));
                case "M" -> perCode.put(f[1], new Counts(Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                case "T" -> terms.put(f[1] + '|' + f[2], new Counts(Integer.parseInt(f[3]), Integer.parseInt(f[4])));
                default -> throw new IOException("bad term-statistics line type '" + f[0] + "'");
            }
        }
        return new TermStatistics(terms, codes, perCode, documents);
    }

    /** Every (codeKey, text) pair, for tests and reports. */
    List<String> keys() {
        return new ArrayList<>(terms.keySet());
    }
}
