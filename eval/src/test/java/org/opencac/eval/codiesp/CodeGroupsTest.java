package org.opencac.eval.codiesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeGroupsTest {
    @Test
    void chaptersFollowCodeRanges() {
        assertTrue(CodeGroups.chapter("d48.1").startsWith("02"));
        assertTrue(CodeGroups.chapter("d50.0").startsWith("03"));
        assertTrue(CodeGroups.chapter("h60.1").startsWith("08"));
        assertTrue(CodeGroups.chapter("o9a.1").startsWith("15"));
        assertTrue(CodeGroups.chapter("t88.7").startsWith("19"));
    }

    @Test
    void categoryIsTheFirstThreeCharacters() {
        assertEquals("E11", CodeGroups.category("e11.9"));
        assertEquals("BW0", CodeGroups.category("bw03zzz"));
        assertEquals("R5", CodeGroups.category("r5"));
    }

    @Test
    void pcsSectionIsTheFirstCharacter() {
        assertEquals("0 Medical and Surgical", CodeGroups.pcsSection("0dtj4zz"));
        assertEquals("3 Administration", CodeGroups.pcsSection("3e1m39z"));
    }
}
