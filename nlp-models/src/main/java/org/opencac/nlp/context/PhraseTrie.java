package org.opencac.nlp.context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases in folded text, leftmost-longest and on word boundaries; one space in a phrase matches any run of
 * white space. A character trie walked from each word start: much faster than one regex with hundreds of
 * alternatives. Immutable once built; thread-safe for reading.
 */
final class PhraseTrie {
    /** A phrase found at [start, end). */
    record Hit(int start, int end, String phrase) {
    }

    private static final class Node {
        private final Map<Character, Node> children = new HashMap<>();
        private String phrase;
    }

    private final Node root = new Node();

    PhraseTrie(Iterable<String> normalizedPhrases) {
        for (String phrase : normalizedPhrases) {
            Node node = root;
            for (int i = 0; i < phrase.length(); i++) {
                node = node.children.computeIfAbsent(phrase.charAt(i), c -> new Node());
            }
            node.phrase = phrase;
        }
    }

    /** Non-overlapping hits in {@code folded}, left to right, the longest at each start. */
    List<Hit> find(String folded) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            Hit hit = isWordChar(folded, i - 1) ? null : longestAt(folded, i);
            if (hit != null) {
                hits.add(hit);
                i = hit.end();
            } else {
                i++;
            }
        }
        return hits;
    }

    private Hit longestAt(String text, int start) {
        Node node = root;
        Hit longest = null;
        int j = start;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (Character.isWhitespace(c)) {
                node = node.children.get(' ');
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
            } else {
                node = node.children.get(c);
                j++;
            }
            if (node == null) {
                break;
            }
            if (node.phrase != null && !isWordChar(text, j) && !Character.isWhitespace(text.charAt(j - 1))) {
                longest = new Hit(start, j, node.phrase);
            }
        }
        return longest;
    }

    private static boolean isWordChar(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
    }
}
