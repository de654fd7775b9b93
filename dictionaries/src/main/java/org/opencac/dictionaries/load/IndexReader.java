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
 * {@code letter/mainTerm/term[@level]} with {@code title} and {@code code}/{@code codes}). Every element
 * that carries a code yields one entry with the path of titles from the main term down to it.
 * Non-essential modifiers ({@code nemod}) are left out of the titles.
 */
public final class IndexReader {

    /**
     * One index path that leads to a code, for example ["Diabetes, diabetic", "type 2", "with", "nephropathy"],
     * and non-essential modifiers that may or may not be written in a note (["mellitus", "sugar"]): those of
     * the main term for paths of one or two levels, and those of the last term.
     */
    public record IndexEntry(List<String> titlePath, String code, List<String> modifiers) {
        public IndexEntry {
            titlePath = List.copyOf(titlePath);
            modifiers = List.copyOf(modifiers);
        }

        public IndexEntry(List<String> titlePath, String code) {
            this(titlePath, code, List.of());
        }
    }

    private static final java.util.regex.Pattern PARENTHESIZED = java.util.regex.Pattern.compile("\\(([^()]*)\\)");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private IndexReader() {
    }

    public static List<IndexEntry> read(InputStream in) throws IOException {
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

    private static List<IndexEntry> parse(XMLStreamReader xml) throws XMLStreamException {
        List<IndexEntry> entries = new ArrayList<>();
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
                    case "code", "codes" -> {
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
                            entries.add(new IndexEntry(path.subList(0, levels), code, pathModifiers));
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (title != null && nemodDepth == 0) {
                    title.append(xml.getText());
                } else if (title != null && nemod != null) {
                    nemod.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
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
        return entries;
    }
}
