package org.opencac.nlp.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerLexiconTest {
    private static TriggerLexicon lexicon(String text) throws IOException {
        return TriggerLexicon.parse(new BufferedReader(new StringReader(text)));
    }

    @Test
    void longestPhraseWinsAndWordBoundariesAreRespected() throws IOException {
        TriggerLexicon lexicon = lexicon("NEGATED\tforward\tno\nPSEUDO\t-\tno increase\nTERMINATE\tall\tbut\n");
        String text = "No  increase, no nodes but nothing";
        List<TriggerLexicon.Match> matches = lexicon.find(text, 0, text.length());
        assertEquals(List.of("No  increase", "no", "but"),
                matches.stream().map(m -> text.substring(m.start(), m.end())).toList());
        assertEquals(ContextCategory.PSEUDO, matches.get(0).entries().get(0).category());
    }

    @Test
    void malformedLinesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> lexicon("NEGATED\tno\n"));
        assertThrows(IllegalArgumentException.class, () -> lexicon("NEGATED\tsideways\tno\n"));
    }
}
