package org.opencac.dictionaries.pcs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The ICD-10-PCS Tables XML: for each table (the first three characters) the labels of axes 1-3, and rows
 * holding the allowed values of axes 4-7. Used to explain a code axis by axis.
 */
public final class PcsTables {

    /** One axis of a table or row: its title and the label of each allowed value. */
    private record Axis(int position, String title, Map<Character, String> labels) {
    }

    private record Table(List<Axis> head, List<List<Axis>> rows) {
    }

    private final String release;
    private final Map<String, Table> tables;

    private PcsTables(String release, Map<String, Table> tables) {
        this.release = release;
        this.tables = Map.copyOf(tables);
    }

    public String release() {
        return release;
    }

    public int tableCount() {
        return tables.size();
    }

    /**
     * Explains a full code or a prefix of 3 or more characters, one value per character. Empty when the table
     * or a value is not in these tables (axes 4-7 must all fit one row of the table).
     */
    public Optional<List<PcsAxisValue>> explain(String code) {
        if (code.length() < 3 || code.length() > 7) {
            return Optional.empty();
        }
        Table table = tables.get(code.substring(0, 3));
        if (table == null) {
            return Optional.empty();
        }
        List<PcsAxisValue> head = new ArrayList<>();
        for (Axis axis : table.head()) {
            char value = code.charAt(axis.position() - 1);
            String label = axis.labels().get(value);
            if (label == null) {
                return Optional.empty();
            }
            head.add(new PcsAxisValue(axis.position(), axis.title(), value, label));
        }
        for (List<Axis> row : table.rows()) {
            List<PcsAxisValue> values = new ArrayList<>(head);
            boolean fits = true;
            for (Axis axis : row) {
                if (axis.position() > code.length()) {
                    continue;
                }
                char value = code.charAt(axis.position() - 1);
                String label = axis.labels().get(value);
                if (label == null) {
                    fits = false;
                    break;
                }
                values.add(new PcsAxisValue(axis.position(), axis.title(), value, label));
            }
            if (fits) {
                return Optional.of(List.copyOf(values));
            }
        }
        return Optional.empty();
    }

    public static PcsTables read(InputStream in, String release) throws IOException {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return new PcsTables(release, parse(xml));
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot parse ICD-10-PCS tables XML", e);
        }
    }

    private static Map<String, Table> parse(XMLStreamReader xml) throws XMLStreamException {
        Map<String, Table> tables = new HashMap<>();
        List<Axis> head = null;
        List<List<Axis>> rows = null;
        List<Axis> row = null;
        int position = 0;
        String axisTitle = null;
        Map<Character, String> labels = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "pcsTable" -> {
                        head = new ArrayList<>();
                        rows = new ArrayList<>();
                    }
                    case "pcsRow" -> row = new ArrayList<>();
                    case "axis" -> {
                        position = Integer.parseInt(xml.getAttributeValue(null, "pos"));
                        labels = new HashMap<>();
                        axisTitle = null;
                    }
                    case "title" -> {
                        String text = xml.getElementText().strip();
                        if (labels != null) {
                            axisTitle = text;
                        }
                    }
                    case "label" -> {
                        String value = xml.getAttributeValue(null, "code");
                        String text = xml.getElementText().strip();
                        if (labels != null && value != null && value.length() == 1) {
                            labels.put(value.charAt(0), text);
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "axis" -> {
                        Axis axis = new Axis(position, axisTitle, Map.copyOf(labels));
                        if (row != null) {
                            row.add(axis);
                        } else if (head != null) {
                            head.add(axis);
                        }
                        labels = null;
                    }
                    case "pcsRow" -> {
                        rows.add(List.copyOf(row));
                        row = null;
                    }
                    case "pcsTable" -> {
                        StringBuilder key = new StringBuilder();
                        for (Axis axis : head) {
                            key.append(axis.labels().keySet().iterator().next());
                        }
                        tables.put(key.toString(), new Table(List.copyOf(head), List.copyOf(rows)));
                        head = null;
                        rows = null;
                    }
                    default -> {
                    }
                }
            }
        }
        return tables;
    }
}
