package org.opencac.nlp.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.tokenize.TokenSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.ConlluSentence;
import org.opencac.nlp.corpus.ConlluToken;
import org.opencac.nlp.text.TextSpan;

class TextModelTrainingTest {
    private static ConlluSentence sentence(String text, String... forms) {
        List<ConlluToken> tokens = java.util.Arrays.stream(forms).map(form -> new ConlluToken(form, true)).toList();
        return new ConlluSentence("", "", text, false, tokens);
    }

    @Test
    void pseudoDocumentsJoinSentencesWithOneSpace() {
        List<AlignedDocument> documents = TextModelTraining.pseudoDocuments(List.of(
                sentence("Hola .", "Hola", "."), sentence("Adiós", "Adiós"), sentence("Sí", "Sí")), 2);
        assertEquals(2, documents.size());
        AlignedDocument first = documents.get(0);
        assertEquals("Hola . Adiós", first.text());
        assertEquals(List.of(new TextSpan(0, 6), new TextSpan(7, 12)), first.sentences());
        assertEquals(List.of(new TextSpan(0, 4), new TextSpan(5, 6), new TextSpan(7, 12)), first.tokens());
    }

    @Test
    void sentenceSamplesFollowTheRuntimeBlocksAndTokenSamplesTheSentences() {
        String text = "Background\n\nIt rose. It fell.";
        AlignedDocument document = new AlignedDocument("d", text,
                List.of(new TextSpan(0, 10), new TextSpan(12, 20), new TextSpan(21, 29)),
                List.of(new TextSpan(0, 10), new TextSpan(12, 14), new TextSpan(15, 19), new TextSpan(19, 20),
                        new TextSpan(21, 23), new TextSpan(24, 28), new TextSpan(28, 29)), 0);
        List<SentenceSample> sentenceSamples = TextModelTraining.sentenceSamples(List.of(document));
        assertEquals(2, sentenceSamples.size());
        assertEquals("It rose. It fell.", sentenceSamples.get(1).getDocument());
        assertArrayEquals(new Span[] {new Span(0, 8), new Span(9, 17)}, sentenceSamples.get(1).getSentences());
        List<TokenSample> tokenSamples = TextModelTraining.tokenSamples(List.of(document));
        assertEquals(3, tokenSamples.size());
        assertEquals("It rose.", tokenSamples.get(1).getText());
        assertArrayEquals(new Span[] {new Span(0, 2), new Span(3, 7), new Span(7, 8)},
                tokenSamples.get(1).getTokenSpans());
    }
}
