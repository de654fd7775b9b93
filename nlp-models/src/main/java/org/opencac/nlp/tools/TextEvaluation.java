package org.opencac.nlp.tools;

import java.util.ArrayList;
import java.util.List;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.Prf;
import org.opencac.nlp.corpus.SpanScoring;
import org.opencac.nlp.text.TextModels;
import org.opencac.nlp.text.TextSpan;

/** Scores sentence and token detection against aligned gold documents. */
public final class TextEvaluation {
    /**
     * @param sentences     sentence-boundary P/R/F1
     * @param tokensOnGold  token exact-match P/R/F1, tokenizing the gold sentences (the tokenizer alone)
     * @param tokensEndToEnd token exact-match P/R/F1, tokenizing the detected sentences (the whole layer)
     */
    public record Scores(Prf sentences, Prf tokensOnGold, Prf tokensEndToEnd) {
        public Scores plus(Scores other) {
            return new Scores(sentences.plus(other.sentences), tokensOnGold.plus(other.tokensOnGold),
                    tokensEndToEnd.plus(other.tokensEndToEnd));
        }
    }

    private TextEvaluation() {
    }

    /** Scores micro-averaged over the documents; gold tokens of unaligned sentences are not counted. */
    public static Scores evaluate(TextModels models, List<AlignedDocument> documents) {
        Scores total = new Scores(Prf.ZERO, Prf.ZERO, Prf.ZERO);
        for (AlignedDocument document : documents) {
            String text = document.text();
            List<TextSpan> predictedSentences = models.sentenceDetector().detect(text);
            Prf sentences = SpanScoring.sentenceBoundaries(document.sentences(), predictedSentences);
            Prf onGold = SpanScoring.exactSpans(document.tokens(), tokenize(models, text, document.sentences()));
            List<TextSpan> goldTokensInSentences = document.tokens();
            Prf endToEnd = SpanScoring.exactSpans(goldTokensInSentences,
                    tokenize(models, text, predictedSentences).stream()
                            .filter(token -> insideAny(token, document.sentences())).toList());
            total = total.plus(new Scores(sentences, onGold, endToEnd));
        }
        return total;
    }

    private static List<TextSpan> tokenize(TextModels models, String text, List<TextSpan> sentences) {
        List<TextSpan> tokens = new ArrayList<>();
        for (TextSpan sentence : sentences) {
            tokens.addAll(models.tokenizer().tokenize(text, sentence));
        }
        return tokens;
    }

    /** Text outside every gold sentence (e.g. an unaligned one) carries no gold tokens, so it is not scored. */
    private static boolean insideAny(TextSpan token, List<TextSpan> sentences) {
        int low = 0;
        int high = sentences.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            TextSpan sentence = sentences.get(mid);
            if (token.end() <= sentence.start()) {
                high = mid - 1;
            } else if (token.start() >= sentence.end()) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
