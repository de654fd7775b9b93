package org.opencac.dictionaries;

/** Names of the term sources, as reported in {@link TermMatch#termSource()}. */
public final class TermSources {

    /** Long title of an ICD-10-CM order file (official). */
    public static final String TABULAR_TITLE = "tabular-title";
    /** Inclusion term of the ICD-10-CM Tabular List (official). */
    public static final String INCLUSION_TERM = "inclusion-term";
    /** Path of main term and sub-terms in the ICD-10-CM Alphabetic Index (official). */
    public static final String INDEX = "index";
    /** Long title of an ICD-10-PCS order file (official; only short titles are used as terms). */
    public static final String PCS_TITLE = "pcs-title";
    /** Neoplasm Table row (official site and code) with our own words for the column ("cancer kidney"). */
    public static final String NEOPLASM_TABLE = "neoplasm-table";
    /** Table of Drugs and Chemicals row (official substance and code) with our own words for the column. */
    public static final String DRUG_TABLE = "drug-table";
    /** Path of terms in the ICD-10-PCS Index (official; codes are often 4-character prefixes). */
    public static final String PCS_INDEX = "pcs-index";
    /** Long description of the HCPCS Level II file (official). */
    public static final String HCPCS_TITLE = "hcpcs-title";
    /** Our own plain-word CPT descriptions and phrases (NOT official AMA text). */
    public static final String CPT_OPENCAC = "cpt-opencac";
    /** A user-supplied licensed CPT file. */
    public static final String CPT_USER = "cpt-user";
    /** Evidence spans of the CodiEsp train split (learned, Spanish). */
    public static final String CODIESP_TRAIN = "codiesp-train";
    /**
     * Official ICD-10-CM/PCS English terms translated word by word into Spanish with a lexicon learned on CodiEsp
     * train (built offline, not official; used by the ranker for Spanish notes).
     */
    public static final String ICD10_ES_TRANSLATED = "icd10-es-translated";

    private TermSources() {
    }

    /** True for terms taken from an official code-set publication. */
    public static boolean isOfficial(String source) {
        return switch (source) {
            case TABULAR_TITLE, INCLUSION_TERM, INDEX, NEOPLASM_TABLE, DRUG_TABLE, PCS_TITLE, PCS_INDEX, HCPCS_TITLE, CPT_USER -> true;
            default -> false;
        };
    }
}
