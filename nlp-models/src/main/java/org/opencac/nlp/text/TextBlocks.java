package org.opencac.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a note into blocks that no sentence may cross: a blank line, a list item, a heading line, or a line after
 * a heading ends the block. Wrapped lines of running text stay together.
 */
public final class TextBlocks {
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*\u2022+>]|\\d{1,2}[.)]|[a-z][)])\\s+");
    /** "Allergies:", "Past Medical History:", "BP:" at the start of a line. */
    private static final Pattern LABEL_START = Pattern.compile("^\\s*[\\p{L}][\\p{L} /&()-]{0,40}:");
    private static final int MAX_HEADING_LENGTH = 40;

    private TextBlocks() {
    }

    /** Block spans over {@code text}, trimmed of white space, never empty, in order. */
    public static List<TextSpan> split(String text) {
        List<TextSpan> blocks = new ArrayList<>();
        int blockStart = -1;
        int blockEnd = -1;
        boolean previousEndsBlock = true;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd);
            if (line.isBlank()) {
                previousEndsBlock = true;
            } else {
                boolean startsBlock = previousEndsBlock || LIST_ITEM.matcher(line).find()
                        || LABEL_START.matcher(line).find() || isHeadingLine(line);
                if (startsBlock && blockStart >= 0) {
                    blocks.add(trim(text, blockStart, blockEnd));
                    blockStart = -1;
                }
                if (blockStart < 0) {
                    blockStart = lineStart;
                }
                blockEnd = lineEnd;
                previousEndsBlock = isHeadingLine(line) || line.stripTrailing().endsWith(":");
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        if (blockStart >= 0) {
            blocks.add(trim(text, blockStart, blockEnd));
        }
        blocks.removeIf(span -> span.length() == 0);
        return blocks;
    }

    /** A short line in capitals without final punctuation, e.g. "PHYSICAL EXAMINATION". */
    public static boolean isHeadingLine(String line) {
        String stripped = line.strip();
        if (stripped.length() < 3 || stripped.length() > MAX_HEADING_LENGTH) {
            return false;
        }
        char last = stripped.charAt(stripped.length() - 1);
        if (last == '.' || last == ',' || last == ';') {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 3;
    }

    public static TextSpan trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new TextSpan(start, end);
    }
}
