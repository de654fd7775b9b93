package org.opencac.dictionaries;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opencac.dictionaries.load.IndexReader.IndexEntry;

/** Turns official titles and index paths into phrases that can be found in notes. */
final class TermVariants {

    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_MODIFIERS = 4;
    private static final Pattern COMMA = Pattern.compile(",\\s*");

    private TermVariants() {
    }

    /**
     * True for titles of codes built with a 7th character for the encounter ("..., initial encounter for
     * closed fracture", "..., sequela"): notes never say that, and the code without the 7th character already
     * carries the same words, so these titles are not used as matching terms.
     */
    static boolean isEncounterExtension(CodeEntry entry) {
        if (entry.code().length() != 8) {
            return false;
        }
        String title = entry.title();
        return title.contains(" encounter") || title.endsWith("sequela");
    }

    /** The title itself and, if it has parenthetical parts, the title without them. */
    static List<String> ofTitle(String title) {
        List<String> variants = new ArrayList<>(2);
        variants.add(title);
        if (title.indexOf('(') < 0 && title.indexOf('[') < 0) {
            return variants;
        }
        String bare = SPACES.matcher(PARENTHETICAL.matcher(title).replaceAll("")).replaceAll(" ").strip();
        if (!bare.isEmpty() && !bare.equals(title)) {
            variants.add(bare);
        }
        return variants;
    }

    /**
     * Phrases for an index path: the titles joined from the main term down. A main term written as
     * inflected alternatives ("Abdomen, abdominal", "Infection, infected, infective") gives one phrase per
     * alternative; any other main term is used whole ("Fracture, traumatic" reads as "fracture traumatic", which word-order tolerance covers).
     */
    static List<String> ofIndexPath(IndexEntry entry) {
        List<String> path = entry.titlePath();
        List<String> mainTerms = new ArrayList<>(3);
        String main = path.get(0);
        String[] parts = COMMA.split(main);
        boolean allInflections = parts.length > 1;
        for (String part : parts) {
            allInflections &= isInflectionOf(part, parts[0]);
        }
        if (allInflections) {
            mainTerms.addAll(List.of(parts));
        } else {
            mainTerms.add(main);
        }
        StringBuilder rest = new StringBuilder();
        for (int i = 1; i < path.size(); i++) {
            String title = path.get(i);
            // Connector sub-terms ("with", "due to") and sub-terms such as "- see also" carry no words of their own.
            if (!title.isEmpty()) {
                rest.append(' ').append(title);
            }
        }
        List<String> phrases = new ArrayList<>(mainTerms.size());
        for (String mainTerm : mainTerms) {
            String phrase = (mainTerm + rest).strip();
            phrases.add(phrase);
            // A non-essential modifier may be written or not: one more phrase per modifier (a few at most).
            for (String modifier : entry.modifiers().subList(0, Math.min(MAX_MODIFIERS, entry.modifiers().size()))) {
                if (!modifier.contains(",") && !modifier.startsWith("see")) {
                    phrases.add(phrase + " " + modifier);
                }
            }
        }
        return phrases;
    }

    /**
     * How notes name each column of the Neoplasm Table (our own wording): 2 malignant primary,
     * 3 malignant secondary, 4 carcinoma in situ, 5 benign, 6 uncertain behaviour, 7 unspecified behaviour.
     */
    private static final List<List<String>> NEOPLASM_COLUMN_WORDS = List.of(
            List.of(), List.of(), // columns 0 and 1 carry no code
            List.of("malignant neoplasm", "cancer", "carcinoma", "malignant tumor"),
            List.of("secondary malignant neoplasm", "metastasis", "metastases"),
            List.of("carcinoma in situ"),
            List.of("benign neoplasm", "benign tumor"),
            List.of("neoplasm of uncertain behavior"),
            List.of("neoplasm", "tumor"));

    /**
     * How notes name each column of the Table of Drugs and Chemicals (our own wording): 2 accidental
     * poisoning, 3 intentional self-harm, 6 adverse effect, 7 underdosing. Columns 4 (assault) and
     * 5 (undetermined) have no everyday wording and give no phrase.
     */
    private static final List<List<String>> DRUG_COLUMN_WORDS = List.of(
            List.of(), List.of(),
            List.of("poisoning by", "overdose of"),
            List.of("intentional overdose of", "suicide attempt with"),
            List.of(),
            List.of(),
            List.of("adverse effect of", "side effect of"),
            List.of("underdosing of"));

    /**
     * Phrases for a Neoplasm Table row: the column's words plus the site path below the main term
     * ("cancer kidney", "benign tumor kidney"); word-order tolerance covers "kidney cancer".
     */
    static List<String> ofNeoplasmRow(IndexEntry entry) {
        return ofTableRow(entry, NEOPLASM_COLUMN_WORDS, 1);
    }

    /** Phrases for a drug table row: the column's words plus the substance path ("adverse effect of amiodarone"). */
    static List<String> ofDrugRow(IndexEntry entry) {
        return ofTableRow(entry, DRUG_COLUMN_WORDS, 0);
    }

    private static List<String> ofTableRow(IndexEntry entry, List<List<String>> columnWords, int firstLevel) {
        if (entry.column() < 2 || entry.column() >= columnWords.size() || entry.titlePath().size() <= firstLevel) {
            return List.of();
        }
        String first = entry.titlePath().get(firstLevel);
        String[] parts = COMMA.split(first);
        boolean allInflections = parts.length > 1;
        for (String part : parts) {
            allInflections &= isInflectionOf(part, parts[0]);
        }
        StringBuilder rest = new StringBuilder();
        for (int i = firstLevel + 1; i < entry.titlePath().size(); i++) {
            rest.append(' ').append(entry.titlePath().get(i));
        }
        List<String> subjects = new ArrayList<>(2);
        for (String subject : allInflections ? List.of(parts) : List.of(first)) {
            subjects.add(PARENTHETICAL.matcher(subject + rest).replaceAll(""));
        }
        List<String> phrases = new ArrayList<>();
        for (String words : columnWords.get(entry.column())) {
            for (String subject : subjects) {
                phrases.add(words + " " + subject);
            }
        }
        return phrases;
    }

    /** "abdominal" is an inflection of "Abdomen": one word sharing the first four letters. */
    private static boolean isInflectionOf(String word, String base) {
        return !word.contains(" ") && word.length() >= 4 && base.length() >= 4 && !base.contains(" ")
                && word.regionMatches(true, 0, base, 0, 4);
    }

    /** Canonical code of an index reference: "S72.0-" and "E11." give the header code itself. */
    static String indexCode(CodeSystem system, String code) {
        String trimmed = code.strip();
        while (trimmed.endsWith("-") || trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return Codes.canonical(system, trimmed);
    }
}
