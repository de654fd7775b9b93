package org.opencac.dictionaries;

/**
 * One code of one release. {@code code} is canonical: ICD-10-CM upper case with a dot after the third
 * character ("E11.9"), ICD-10-PCS seven upper-case characters, HCPCS and CPT five characters.
 */
public record CodeEntry(CodeSystem system, String code, String shortTitle, String title, boolean billable,
                        String release) {
}
