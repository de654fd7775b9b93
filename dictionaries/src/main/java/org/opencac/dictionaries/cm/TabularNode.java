package org.opencac.dictionaries.cm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of the ICD-10-CM Tabular List: a chapter, a section or a code ({@code <diag>}), with its
 * instructional notes. {@code id} is the chapter number, the section range ("A00-A09") or the dotted code.
 */
public record TabularNode(Level level, String id, String title, String parentId, Map<NoteKind, List<String>> notes) {

    /** Codes cited in a note, such as "E08.-" or "(O24.4-)" or "Z79.4". */
    private static final Pattern CODE_IN_NOTE = Pattern.compile("\\b([A-TV-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?)-?");

    public enum Level { CHAPTER, SECTION, CODE }

    public TabularNode {
        Map<NoteKind, List<String>> copy = new EnumMap<>(NoteKind.class);
        notes.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
        notes = Map.copyOf(copy);
    }

    public List<String> notes(NoteKind kind) {
        return notes.getOrDefault(kind, List.of());
    }

    /** The codes or code prefixes cited in this node's notes of one kind ("E08.-" gives "E08"). */
    public List<String> citedCodes(NoteKind kind) {
        java.util.ArrayList<String> codes = new java.util.ArrayList<>();
        for (String note : notes(kind)) {
            Matcher matcher = CODE_IN_NOTE.matcher(note);
            while (matcher.find()) {
                String code = matcher.group(1);
                if (code.endsWith(".")) {
                    code = code.substring(0, code.length() - 1);
                }
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }
}
