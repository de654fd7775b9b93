package org.opencac.eval.codiesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextSpanTest {
    private final TextSpan gold = new TextSpan(100, 120, "gold");

    @Test
    void slackOfTenOnEachSideIsAccepted() {
        assertTrue(new TextSpan(100, 120, "").coversWithSlack(gold, 10));
        assertTrue(new TextSpan(90, 130, "").coversWithSlack(gold, 10));
    }

    @Test
    void slackOfElevenIsRejectedOnEitherSide() {
        assertFalse(new TextSpan(89, 120, "").coversWithSlack(gold, 10));
        assertFalse(new TextSpan(100, 131, "").coversWithSlack(gold, 10));
    }

    @Test
    void aPredictionInsideTheGoldDoesNotCoverIt() {
        assertFalse(new TextSpan(101, 120, "").coversWithSlack(gold, 10));
        assertFalse(new TextSpan(100, 119, "").coversWithSlack(gold, 10));
    }

    @Test
    void utf16OffsetsBecomeCodePoints() {
        String text = "a\uD83D\uDE00 fiebre"; // 'a', one emoji (two chars), space, "fiebre"
        TextSpan span = TextSpan.fromUtf16(text, 4, 10);
        assertEquals(new TextSpan(3, 9, "fiebre"), span);
    }
}
