package org.opencac.eval.codiesp;

import java.util.List;
import java.util.Locale;

/** Groups codes for per-group reports: ICD-10-CM chapters (by code range) and ICD-10-PCS sections (first axis). */
public final class CodeGroups {
    /** An ICD-10-CM chapter: codes from {@code first} to {@code last} (first three characters, inclusive). */
    private record Chapter(String first, String last, String name) {
    }

    // ICD-10-CM chapter ranges (FY2018).
    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter("A00", "B99", "01 Infectious (A00-B99)"),
            new Chapter("C00", "D49", "02 Neoplasms (C00-D49)"),
            new Chapter("D50", "D89", "03 Blood, immune (D50-D89)"),
            new Chapter("E00", "E89", "04 Endocrine, metabolic (E00-E89)"),
            new Chapter("F01", "F99", "05 Mental (F01-F99)"),
            new Chapter("G00", "G99", "06 Nervous system (G00-G99)"),
            new Chapter("H00", "H59", "07 Eye (H00-H59)"),
            new Chapter("H60", "H95", "08 Ear (H60-H95)"),
            new Chapter("I00", "I99", "09 Circulatory (I00-I99)"),
            new Chapter("J00", "J99", "10 Respiratory (J00-J99)"),
            new Chapter("K00", "K95", "11 Digestive (K00-K95)"),
            new Chapter("L00", "L99", "12 Skin (L00-L99)"),
            new Chapter("M00", "M99", "13 Musculoskeletal (M00-M99)"),
            new Chapter("N00", "N99", "14 Genitourinary (N00-N99)"),
            new Chapter("O00", "O9A", "15 Pregnancy (O00-O9A)"),
            new Chapter("P00", "P96", "16 Perinatal (P00-P96)"),
            new Chapter("Q00", "Q99", "17 Congenital (Q00-Q99)"),
            new Chapter("R00", "R99", "18 Symptoms, signs (R00-R99)"),
            new Chapter("S00", "T88", "19 Injury, poisoning (S00-T88)"),
            new Chapter("V00", "Y99", "20 External causes (V00-Y99)"),
            new Chapter("Z00", "Z99", "21 Health status (Z00-Z99)"));

    private static final String PCS_SECTIONS = "0Medical and Surgical|1Obstetrics|2Placement|3Administration"
            + "|4Measurement and Monitoring|5Extracorporeal Assistance|6Extracorporeal Therapies|7Osteopathic"
            + "|8Other Procedures|9Chiropractic|BImaging|CNuclear Medicine|DRadiation Therapy"
            + "|FPhysical Rehabilitation|GMental Health|HSubstance Abuse|XNew Technology";

    private CodeGroups() {
    }

    /** The first three characters of a code, upper case: its ICD-10 category (or PCS first three axes). */
    public static String category(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        return upper.length() <= 3 ? upper : upper.substring(0, 3);
    }

    public static String group(CodeType type, String code) {
        return type == CodeType.D ? chapter(code) : pcsSection(code);
    }

    public static String chapter(String code) {
        String category = category(code);
        for (Chapter chapter : CHAPTERS) {
            if (category.compareTo(chapter.first) >= 0 && category.compareTo(chapter.last) <= 0) {
                return chapter.name;
            }
        }
        return "?? Other (" + category + ")";
    }

    public static String pcsSection(String code) {
        String first = code.isEmpty() ? "?" : code.substring(0, 1).toUpperCase(Locale.ROOT);
        for (String section : PCS_SECTIONS.split("\\|")) {
            if (section.startsWith(first)) {
                return first + " " + section.substring(1);
            }
        }
        return first + " Other";
    }
}
