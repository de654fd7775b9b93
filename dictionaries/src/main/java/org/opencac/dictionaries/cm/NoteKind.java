package org.opencac.dictionaries.cm;

/** The instructional note blocks of the ICD-10-CM Tabular List, by their XML element name. */
public enum NoteKind {
    INCLUSION_TERM("inclusionTerm"),
    INCLUDES("includes"),
    EXCLUDES1("excludes1"),
    EXCLUDES2("excludes2"),
    CODE_FIRST("codeFirst"),
    CODE_ALSO("codeAlso"),
    USE_ADDITIONAL_CODE("useAdditionalCode");

    private final String element;

    NoteKind(String element) {
        this.element = element;
    }

    public String element() {
        return element;
    }

    static NoteKind fromElement(String name) {
        for (NoteKind kind : values()) {
            if (kind.element.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
