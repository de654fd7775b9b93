package org.opencac.dictionaries.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an Alphabetic Index XML (ICD-10-CM index or ICD-10-PCS index; both use
 * {@code letter/mainTerm/term[@level]} with {@code title} and {@code code}/{@code codes}; the neoplasm and
 * drug tables use the same layout with {@code cell[@col]}). Every element
 * that carries a code yields one entry with the path of titles from the main term down to it.
 * Non-essential modifiers ({@code nemod}) are left out of the titles.
 */
public final class IndexReader {

    /**
     * One index path that leads to a code, for example ["Diabetes, diabetic", "type 2", "with", "nephropathy"],
     * and non-essential modifiers that may or may not be written in a note (["mellitus", "sugar"]): those of
     * the main term for paths of one or two levels, and those of the last term.
     */
    public record IndexEntry(List<String> titlePath, String code, List<String> modifiers, int column) {
        public IndexEntry {
            titlePath = List.copyOf(titlePath);
            modifiers = List.copyOf(modifiers);
        }

        public IndexEntry(List<String> titlePath, String code, List<String> modifiers) {
            this(titlePath, code, modifiers, 0);
        }

        public IndexEntry(List<String> titlePath, String code) {
            this(titlePath, code, List.of(), 0);
        }
    }

    private static final java.util.regex.Pattern PARENTHESIZED = java.util.regex.Pattern.compile("\\(([^()]*)\\)");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private IndexReader() {
    }

    /** A "see" cross-reference: the path that has no code of its own and the path it sends the reader to. */
    public record SeeReference(List<String> titlePath, String target) {
        public SeeReference {
            titlePath = List.copyOf(titlePath);
        }
    }

    /** The coded entries of an index file and its "see" references. */
    public record IndexContent(List<IndexEntry> entries, List<SeeReference> references) {
        public IndexContent {
            entries = List.copyOf(entries);
            references = List.copyOf(references);
        }
    }

    /** The coded entries only. */
    public static List<IndexEntry> read(InputStream in) throws IOException {
        return readWithReferences(in).entries();
    }

    /**
     * The coded entries plus one entry per "see" reference whose target path carries a code in the same file
     * ("Smoker - see Dependence, drug, nicotine" gives Smoker -> the code of that path).
     */
    public static List<IndexEntry> readResolvingReferences(InputStream in) throws IOException {
        IndexContent content = readWithReferences(in);
        List<IndexEntry> entries = new ArrayList<>(content.entries());
        java.util.Map<String, String> codeByPath = new java.util.HashMap<>();
        for (IndexEntry entry : content.entries()) {
            if (entry.column() == 0) {
                codeByPath.putIfAbsent(pathKey(entry.titlePath(), false), entry.code());
                codeByPath.putIfAbsent(pathKey(entry.titlePath(), true), entry.code());
            }
        }
        for (SeeReference reference : content.references()) {
            String code = codeByPath.get(pathKey(List.of(reference.target().split(",\\s*")), false));
            if (code != null) {
                entries.add(new IndexEntry(reference.titlePath(), code));
            }
        }
        return entries;
    }

    /** Lower-case path key; with {@code firstFormOnly} the main term counts by its first form ("Diabetes"). */
    private static String pathKey(List<String> path, boolean firstFormOnly) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            String title = path.get(i).toLowerCase(java.util.Locale.ROOT);
            if (i == 0 && firstFormOnly && title.indexOf(',') > 0) {
                title = title.substring(0, title.indexOf(','));
            }
            key.append(title.strip()).append('|');
        }
        return key.toString();
    }

    public static IndexContent readWithReferences(InputStream in) throws IOException {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return parse(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot parse index XML", e);
        }
    }

    /** "(mellitus) (sugar)" gives ["mellitus", "sugar"]; text outside brackets is taken whole. */
    private static List<String> parenthesized(String text) {
        List<String> parts = new ArrayList<>();
        java.util.regex.Matcher matcher = PARENTHESIZED.matcher(text);
        while (matcher.find()) {
            String part = SPACES.matcher(matcher.group(1).strip()).replaceAll(" ");
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty() && !text.isBlank()) {
            parts.add(SPACES.matcher(text.strip()).replaceAll(" "));
        }
        return parts;
    }

    private static IndexContent parse(XMLStreamReader xml) throws XMLStreamException {
        List<IndexEntry> entries = new ArrayList<>();
        List<SeeReference> references = new ArrayList<>();
        StringBuilder see = null;                // non-null while inside a "see" of a term
        List<String> path = new ArrayList<>();   // titles by depth (0 = main term)
        List<List<String>> modifiers = new ArrayList<>(); // non-essential modifiers by depth
        StringBuilder nemod = null;
        int depth = -1;                          // depth of the innermost open mainTerm/term
        int[] depthStack = new int[64];
        int stackSize = 0;
        StringBuilder title = null;              // non-null while inside a title of a term
        int nemodDepth = 0;
        List<String> pendingModifiers = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
                    case "mainTerm" -> {
                        depth = 0;
                        depthStack[stackSize++] = depth;
                    }
                    case "term" -> {
                        String level = xml.getAttributeValue(null, "level");
                        depth = level == null ? depth + 1 : Integer.parseInt(level);
                        depthStack[stackSize++] = depth;
                    }
                    case "title" -> {
                        if (stackSize > 0) {
                            title = new StringBuilder();
                        }
                    }
                    case "nemod" -> {
                        nemodDepth++;
                        nemod = new StringBuilder();
                    }
                    case "see" -> {
                        if (stackSize > 0) {
                            see = new StringBuilder();
                        }
                    }
                    case "code", "codes", "cell" -> {
                        // Table files (neoplasm, drugs) put one code per column in <cell col="n">.
                        String column = name.equals("cell") ? xml.getAttributeValue(null, "col") : null;
                        String code = xml.getElementText().strip();
                        if (stackSize > 0 && !code.isEmpty() && !path.isEmpty()) {
                            // A term without a title of its own (a "see ... codes" line) stands for its parent's path.
                            int levels = Math.min(depth + 1, path.size());
                            // Modifiers of the main term only for short paths (deep paths would multiply
                            // phrases nobody writes), plus those of the term that carries the code.
                            List<String> pathModifiers = new ArrayList<>();
                            if (levels <= 2 && !modifiers.isEmpty()) {
                                pathModifiers.addAll(modifiers.get(0));
                            }
                            if (levels > 1 && modifiers.size() >= levels) {
                                pathModifiers.addAll(modifiers.get(levels - 1));
                            }
                            entries.add(new IndexEntry(path.subList(0, levels), code, pathModifiers,
                                    column == null ? 0 : Integer.parseInt(column)));
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (see != null) {
                    see.append(xml.getText());
                } else if (title != null && nemodDepth == 0) {
                    title.append(xml.getText());
                } else if (title != null && nemod != null) {
                    nemod.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
                    case "see" -> {
                        if (see != null && !path.isEmpty()) {
                            String target = SPACES.matcher(see.toString().strip()).replaceAll(" ");
                            if (!target.isEmpty()) {
                                references.add(new SeeReference(path.subList(0, Math.min(depth + 1, path.size())),
                                        target));
                            }
                        }
                        see = null;
                    }
                    case "nemod" -> {
                        nemodDepth--;
                        if (nemodDepth == 0 && nemod != null) {
                            pendingModifiers.addAll(parenthesized(nemod.toString()));
                            nemod = null;
                        }
                    }
                    case "title" -> {
                        if (title != null) {
                            while (path.size() > depth) {
                                path.remove(path.size() - 1);
                            }
                            while (path.size() < depth) {
                                path.add(""); // a level the XML skipped
                            }
                            path.add(SPACES.matcher(title.toString().strip()).replaceAll(" "));
                            while (modifiers.size() > depth) {
                                modifiers.remove(modifiers.size() - 1);
                            }
                            while (modifiers.size() < depth) {
                                modifiers.add(List.of());
                            }
                            modifiers.add(List.copyOf(pendingModifiers));
                            pendingModifiers.clear();
                            title = null;
                        }
                    }
                    case "mainTerm", "term" -> {
                        stackSize--;
                        depth = stackSize > 0 ? depthStack[stackSize - 1] : -1;
                        // A term without its own title must not inherit a sibling's title.
                        while (path.size() > depth + 1) {
                            path.remove(path.size() - 1);
                        }
                        while (modifiers.size() > depth + 1) {
                            modifiers.remove(modifiers.size() - 1);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new IndexContent(entries, references);
    }
}
