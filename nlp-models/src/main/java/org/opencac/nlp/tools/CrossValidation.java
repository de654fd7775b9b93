package org.opencac.nlp.tools;

import java.util.ArrayList;
import java.util.List;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.ConlluSentence;
import org.opencac.nlp.text.TextModels;

/** K-fold cross-validation of sentence and token models over CoNLL-U sentences (contiguous folds). */
public final class CrossValidation {
    /** Sentences per pseudo-document for sentence-detector training and scoring. */
    public static final int SENTENCES_PER_DOCUMENT = 8;

    private CrossValidation() {
    }

    /** Trains on k-1 folds, scores the held-out fold, and sums the counts over all folds. */
    public static TextEvaluation.Scores run(String language, List<ConlluSentence> sentences, int folds) {
        TextEvaluation.Scores total = null;
        for (int fold = 0; fold < folds; fold++) {
            int from = sentences.size() * fold / folds;
            int to = sentences.size() * (fold + 1) / folds;
            List<ConlluSentence> train = new ArrayList<>(sentences.subList(0, from));
            train.addAll(sentences.subList(to, sentences.size()));
            List<AlignedDocument> trainDocs = TextModelTraining.pseudoDocuments(train, SENTENCES_PER_DOCUMENT);
            List<AlignedDocument> testDocs =
                    TextModelTraining.pseudoDocuments(sentences.subList(from, to), SENTENCES_PER_DOCUMENT);
            TextModels models = TextModels.clinical(language,
                    TextModelTraining.trainSentenceModel(language, TextModelTraining.sentenceSamples(trainDocs)),
                    TextModelTraining.trainTokenizerModel(language, TextModelTraining.tokenSamples(trainDocs)));
            TextEvaluation.Scores scores = TextEvaluation.evaluate(models, testDocs);
            total = total == null ? scores : total.plus(scores);
        }
        return total;
    }
}
