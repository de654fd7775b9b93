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
     * inflected alternatives ("Abdomen, abdominal") gives one phrase per alternative; any other main term
     * is used whole ("Fracture, traumatic" reads as "fracture traumatic", which word-order tolerance covers).
     */
    static List<String> ofIndexPath(IndexEntry entry) {
        List<String> path = entry.titlePath();
        List<String> mainTerms = new ArrayList<>(2);
        String main = path.get(0);
        String[] parts = COMMA.split(main);
        if (parts.length == 2 && !parts[0].contains(" ") && !parts[1].contains(" ") && parts[0].length() >= 4
                && parts[1].length() >= 4
                && parts[0].substring(0, 4).equalsIgnoreCase(parts[1].substring(0, 4))) {
            mainTerms.add(parts[0]);
            mainTerms.add(parts[1]);
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

    /** Canonical code of an index reference: "S72.0-" and "E11." give the header code itself. */
    static String indexCode(CodeSystem system, String code) {
        String trimmed = code.strip();
        while (trimmed.endsWith("-") || trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return Codes.canonical(system, trimmed);
    }
}
