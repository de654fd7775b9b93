package org.opencac.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextBlocksTest {
    private static List<String> blocks(String text) {
        return TextBlocks.split(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void blankLinesListItemsAndLabelsStartBlocks() {
        String text = "Intro line\ncontinues here\n\n1. first item\n2) second item\nPlan: rest\nIMPRESSION\nstable";
        assertEquals(List.of("Intro line\ncontinues here", "1. first item", "2) second item", "Plan: rest",
                "IMPRESSION", "stable"), blocks(text));
    }

    @Test
    void headingLinesAreShortCapitalsWithoutFinalPunctuation() {
        assertTrue(TextBlocks.isHeadingLine("PHYSICAL EXAMINATION"));
        assertFalse(TextBlocks.isHeadingLine("NO ACUTE DISTRESS."));
        assertFalse(TextBlocks.isHeadingLine("Physical examination"));
        assertFalse(TextBlocks.isHeadingLine("BP"));
    }
}
