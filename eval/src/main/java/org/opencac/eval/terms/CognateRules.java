package org.opencac.eval.terms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Our own spelling rules that turn an English medical word into the Spanish words it may be a cognate of
 * ("infection" -> "infeccion", "chronic" -> "cronico"/"cronica", "hypertrophy" -> "hipertrofia"). The rules
 * over-generate on purpose: a form only counts when it is attested in Spanish text (see {@link TermTranslator}).
 * Input and output are lower case without accents.
 */
public final class CognateRules {
    /** Shortest English word the rules are tried on: short words are too often false friends ("red", "once"). */
    static final int MIN_LENGTH = 4;
    private static final int MAX_FORMS = 256;

    /** English ending -> Spanish endings, longest ending first so "ical" wins over "ic". */
    private static final String[][] SUFFIXES = {
            {"ction", "ccion"}, {"tion", "cion"}, {"sion", "sion"},
            {"ology", "ologia"}, {"graphy", "grafia"}, {"ectomy", "ectomia"}, {"otomy", "otomia"},
            {"ostomy", "ostomia"}, {"scopy", "scopia"}, {"plasty", "plastia"}, {"pathy", "patia"},
            {"trophy", "trofia"}, {"rrhage", "rragia"}, {"rrhea", "rrea"}, {"rrhoea", "rrea"},
            {"ical", "ico", "ica"}, {"ics", "ica"}, {"ic", "ico", "ica"},
            {"eous", "eo", "ea"}, {"ous", "oso", "osa"},
            {"ity", "idad"}, {"ary", "ario", "aria"}, {"ory", "orio", "oria"},
            {"ency", "encia"}, {"ancy", "ancia"}, {"ence", "encia"}, {"ance", "ancia"},
            {"ism", "ismo"}, {"ist", "ista"}, {"ive", "ivo", "iva"},
            {"ment", "mento"}, {"ent", "ente"}, {"ant", "ante"},
            {"ized", "izado", "izada"}, {"ated", "ado", "ada"}, {"ed", "ado", "ada", "ido", "ida"},
            {"ate", "ato", "ado", "ada"}, {"ure", "ura"}, {"cle", "culo", "cula"}, {"ter", "tro"},
            {"ine", "ina"}, {"ide", "ido"}, {"one", "ona"}, {"ase", "asa"}, {"ose", "osa"},
            {"um", "o"}, {"us", "o"}, {"y", "ia"},
    };

    /** Spelling differences inside the word: each may apply or not, so every combination is tried. */
    private static final String[][] REWRITES = {
            {"ph", "f"}, {"th", "t"}, {"rh", "r"}, {"y", "i"}, {"ch", "c"}, {"ch", "qu"}, {"k", "c"},
            {"ae", "e"}, {"oe", "e"}, {"ss", "s"}, {"mm", "m"}, {"tt", "t"}, {"pp", "p"}, {"ff", "f"},
            {"ll", "l"}, {"nn", "n"}, {"cc", "c"}, {"dd", "d"}, {"gg", "g"},
    };

    private CognateRules() {
    }

    /** Candidate Spanish forms of an English word (lower case, no accents); empty for short words. */
    public static Set<String> candidates(String english) {
        Set<String> forms = new LinkedHashSet<>();
        if (english.length() < MIN_LENGTH || !english.chars().allMatch(Character::isLetter)) {
            return forms;
        }
        List<String> endings = new ArrayList<>();
        // The word itself and the plain Spanish endings of a noun or adjective ("tumor", "ulcer" -> "ulcera").
        endings.add(english);
        String bare = english.endsWith("e") ? english.substring(0, english.length() - 1) : english;
        for (String vowel : List.of("o", "a", "e")) {
            endings.add(bare + vowel);
        }
        for (String[] rule : SUFFIXES) {
            if (english.endsWith(rule[0]) && english.length() > rule[0].length() + 1) {
                String stem = english.substring(0, english.length() - rule[0].length());
                for (int i = 1; i < rule.length; i++) {
                    endings.add(stem + rule[i]);
                }
                break;
            }
        }
        for (String form : endings) {
            for (String rewritten : rewrites(form)) {
                forms.add(rewritten);
                // Spanish adds "e" before an initial s + consonant: "stenosis" -> "estenosis".
                if (rewritten.length() > 2 && rewritten.charAt(0) == 's' && !isVowel(rewritten.charAt(1))) {
                    forms.add("e" + rewritten);
                }
                if (forms.size() >= MAX_FORMS) {
                    return forms;
                }
            }
        }
        return forms;
    }

    private static Set<String> rewrites(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        for (String[] rule : REWRITES) {
            if (!word.contains(rule[0])) {
                continue;
            }
            List<String> more = new ArrayList<>();
            for (String form : forms) {
                more.add(form.replace(rule[0], rule[1]));
            }
            forms.addAll(more);
            if (forms.size() >= MAX_FORMS) {
                break;
            }
        }
        return forms;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
