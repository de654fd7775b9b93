package org.opencac.dictionaries.cm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opencac.dictionaries.Codes;

/**
 * The ICD-10-CM Tabular List XML: chapter / section / code hierarchy, inclusion terms and instructional
 * notes. Titles and validity come from the order files; this class is only used for hierarchy, terms and notes.
 */
public final class CmTabular {

    /**
     * In the order the XML closes the elements (a code after the codes under it). Not {@code Map.copyOf}: its
     * iteration order changes from one JVM run to the next, and {@link #nodes()} feeds the order of the English
     * inclusion terms, which decides ties in the phrase matcher (two codes sharing one inclusion term).
     */
    private final Map<String, TabularNode> nodes;

    private CmTabular(Map<String, TabularNode> nodes) {
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    /** The node of a code, chapter number or section range, if the XML lists it. */
    public Optional<TabularNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Every node, in the same order on every run (the XML's). */
    public Collection<TabularNode> nodes() {
        return nodes.values();
    }

    /**
     * The nearest node listed in the XML for a code: the code itself, or its closest listed ancestor (codes
     * built with a 7th character and codes newer than the XML are not listed).
     */
    public Optional<TabularNode> nearestListed(String canonicalCode) {
        String code = canonicalCode;
        while (code != null) {
            TabularNode node = nodes.get(code);
            if (node != null) {
                return Optional.of(node);
            }
            code = Codes.cmParentCandidate(code);
        }
        return Optional.empty();
    }

    /** The node and all its ancestors up to the chapter, nearest first. */
    public List<TabularNode> lineage(String canonicalCode) {
        List<TabularNode> lineage = new ArrayList<>();
        TabularNode node = nearestListed(canonicalCode).orElse(null);
        while (node != null) {
            lineage.add(node);
            node = node.parentId() == null ? null : nodes.get(node.parentId());
        }
        return lineage;
    }

    public static CmTabular read(InputStream in) throws IOException {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return new CmTabular(parse(xml));
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot parse ICD-10-CM tabular XML", e);
        }
    }

    /** A node being read: its fields are filled as the child elements arrive. */
    private static final class OpenNode {
        final TabularNode.Level level;
        final String parentId;
        String id;
        String title;
        final Map<NoteKind, List<String>> notes = new EnumMap<>(NoteKind.class);

        OpenNode(TabularNode.Level level, String id, String parentId) {
            this.level = level;
            this.id = id;
            this.parentId = parentId;
        }
    }

    private static Map<String, TabularNode> parse(XMLStreamReader xml) throws XMLStreamException {
        Map<String, TabularNode> nodes = new LinkedHashMap<>();
        Deque<OpenNode> open = new ArrayDeque<>();
        NoteKind currentKind = null;
        int skipDepth = 0; // inside elements we do not read (introduction, sevenChrDef, ...)
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (skipDepth > 0) {
                    skipDepth++;
                    continue;
                }
                switch (name) {
                    case "introduction", "sectionIndex", "sevenChrDef", "sevenChrNote", "notes" -> skipDepth = 1;
                    case "chapter" -> open.push(new OpenNode(TabularNode.Level.CHAPTER, null, null));
                    case "section" -> open.push(new OpenNode(TabularNode.Level.SECTION, xml.getAttributeValue(null, "id"),
                            open.isEmpty() ? null : open.peek().id));
                    case "diag" -> open.push(new OpenNode(TabularNode.Level.CODE, null,
                            open.isEmpty() ? null : open.peek().id));
                    case "name" -> {
                        if (!open.isEmpty()) {
                            String text = xml.getElementText().strip();
                            OpenNode node = open.peek();
                            node.id = node.level == TabularNode.Level.CHAPTER ? "chapter " + text : text;
                        }
                    }
                    case "desc" -> {
                        if (!open.isEmpty()) {
                            open.peek().title = xml.getElementText().strip();
                        }
                    }
                    case "note" -> {
                        String text = xml.getElementText().strip();
                        if (currentKind != null && !open.isEmpty()) {
                            open.peek().notes.computeIfAbsent(currentKind, k -> new ArrayList<>()).add(text);
                        }
                    }
                    default -> {
                        NoteKind kind = NoteKind.fromElement(name);
                        if (kind != null) {
                            currentKind = kind;
                        }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (skipDepth > 0) {
                    skipDepth--;
                    continue;
                }
                String name = xml.getLocalName();
                if (NoteKind.fromElement(name) != null) {
                    currentKind = null;
                } else if (name.equals("chapter") || name.equals("section") || name.equals("diag")) {
                    OpenNode node = open.pop();
                    if (node.id != null) {
                        nodes.put(node.id, new TabularNode(node.level, node.id, node.title, node.parentId, node.notes));
                    }
                }
            }
        }
        return nodes;
    }
}
