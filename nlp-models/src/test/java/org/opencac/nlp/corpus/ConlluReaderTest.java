package org.opencac.nlp.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConlluReaderTest {
    private static final String SPANISH = String.join("\n",
            "# sent_id = s1",
            "# text = Vino del pueblo.",
            "1\tVino\tvenir\tVERB\t_\t_\t0\troot\t_\t_",
            "2-3\tdel\t_\t_\t_\t_\t_\t_\t_\t_",
            "2\tde\tde\tADP\t_\t_\t4\tcase\t_\t_",
            "3\tel\tel\tDET\t_\t_\t4\tdet\t_\t_",
            "4\tpueblo\tpueblo\tNOUN\t_\t_\t1\tobl\t_\tSpaceAfter=No",
            "5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_",
            "",
            "# newdoc id = d2",
            "# newpar id = d2-p1",
            "# sent_id = s2",
            "# text = Dárselo hoy",
            "1-3\tDárselo\t_\t_\t_\t_\t_\t_\t_\t_",
            "1\tDar\tdar\tVERB\t_\t_\t0\troot\t_\t_",
            "2\tse\tél\tPRON\t_\t_\t1\tiobj\t_\t_",
            "3\tlo\tél\tPRON\t_\t_\t1\tobj\t_\t_",
            "4\thoy\thoy\tADV\t_\t_\t1\tadvmod\t_\t_",
            "");

    @Test
    void multiwordRangesGiveOneSurfaceTokenAndSkipTheirWords() throws IOException {
        List<ConlluSentence> sentences = ConlluReader.read(new StringReader(SPANISH));
        assertEquals(2, sentences.size());
        List<String> forms = sentences.get(0).tokens().stream().map(ConlluToken::form).toList();
        assertEquals(List.of("Vino", "del", "pueblo", "."), forms);
        assertEquals(List.of("Dárselo", "hoy"), sentences.get(1).tokens().stream().map(ConlluToken::form).toList());
    }

    @Test
    void spaceAfterNoAndTextRebuildTheSentence() throws IOException {
        ConlluSentence first = ConlluReader.read(new StringReader(SPANISH)).get(0);
        assertFalse(first.tokens().get(2).spaceAfter());
        assertTrue(first.tokens().get(1).spaceAfter());
        assertEquals("Vino del pueblo.", first.text());
        assertEquals(first.text(), first.detokenized());
    }

    @Test
    void documentAndParagraphCommentsAreKept() throws IOException {
        List<ConlluSentence> sentences = ConlluReader.read(new StringReader(SPANISH));
        assertEquals("", sentences.get(0).docId());
        assertFalse(sentences.get(0).startsParagraph());
        assertEquals("d2", sentences.get(1).docId());
        assertTrue(sentences.get(1).startsParagraph());
        assertEquals("s2", sentences.get(1).sentId());
    }
}
