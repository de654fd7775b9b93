package org.opencac.nlp.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.tokenize.TokenSample;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.Aligner;
import org.opencac.nlp.corpus.ConlluSentence;
import org.opencac.nlp.text.TextBlocks;
import org.opencac.nlp.text.TextSpan;

/** Builds OpenNLP training samples from gold documents and trains sentence and token models. */
public final class TextModelTraining {
    private static final int ITERATIONS = 100;
    private static final int CUTOFF = 5;

    private TextModelTraining() {
    }

    /**
     * One sample per text block (the same blocks the runtime detector hands to the model), holding the gold
     * sentences that lie inside the block.
     */
    public static List<SentenceSample> sentenceSamples(List<AlignedDocument> documents) {
        List<SentenceSample> samples = new ArrayList<>();
        for (AlignedDocument document : documents) {
            int next = 0;
            List<TextSpan> sentences = document.sentences();
            for (TextSpan block : TextBlocks.split(document.text())) {
                List<Span> inside = new ArrayList<>();
                while (next < sentences.size() && sentences.get(next).start() < block.end()) {
                    TextSpan sentence = sentences.get(next++);
                    if (sentence.start() >= block.start() && sentence.end() <= block.end()) {
                        inside.add(new Span(sentence.start() - block.start(), sentence.end() - block.start()));
                    }
                }
                if (!inside.isEmpty()) {
                    samples.add(new SentenceSample(block.of(document.text()), inside.toArray(Span[]::new)));
                }
            }
        }
        return samples;
    }

    /** One sample per gold sentence with its gold tokens. */
    public static List<TokenSample> tokenSamples(List<AlignedDocument> documents) {
        List<TokenSample> samples = new ArrayList<>();
        for (AlignedDocument document : documents) {
            int next = 0;
            List<TextSpan> tokens = document.tokens();
            for (TextSpan sentence : document.sentences()) {
                List<Span> inside = new ArrayList<>();
                while (next < tokens.size() && tokens.get(next).start() < sentence.end()) {
                    TextSpan token = tokens.get(next++);
                    if (token.start() >= sentence.start()) {
                        inside.add(new Span(token.start() - sentence.start(), token.end() - sentence.start()));
                    }
                }
                if (!inside.isEmpty()) {
                    samples.add(new TokenSample(sentence.of(document.text()), inside.toArray(Span[]::new)));
                }
            }
        }
        return samples;
    }

    /**
     * Packs sentences without document structure (UD Spanish) into pseudo-documents of {@code perDocument}
     * sentences joined by one space, aligned to their gold spans.
     */
    public static List<AlignedDocument> pseudoDocuments(List<ConlluSentence> sentences, int perDocument) {
        List<AlignedDocument> documents = new ArrayList<>();
        for (int from = 0; from < sentences.size(); from += perDocument) {
            List<ConlluSentence> group = sentences.subList(from, Math.min(sentences.size(), from + perDocument));
            StringBuilder text = new StringBuilder();
            for (ConlluSentence sentence : group) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(sentence.text());
            }
            documents.add(Aligner.align("doc" + documents.size(), text.toString(), group));
        }
        return documents;
    }

    public static SentenceModel trainSentenceModel(String language, List<SentenceSample> samples) {
        // No abbreviation dictionary in the model: OpenNLP scans the whole dictionary for every candidate break,
        // which made detection nine times slower. ClinicalSentenceDetector applies our abbreviation list instead.
        SentenceDetectorFactory factory = new SentenceDetectorFactory(language, true, null, null);
        try {
            return SentenceDetectorME.train(language, ObjectStreamUtils.createObjectStream(samples), factory,
                    parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TokenizerModel trainTokenizerModel(String language, List<TokenSample> samples) {
        // As for sentences, abbreviations are handled by ClinicalTokenizer's rules rather than inside the model.
        TokenizerFactory factory = new TokenizerFactory(language, null, true, null);
        try {
            return TokenizerME.train(ObjectStreamUtils.createObjectStream(samples), factory, parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrainingParameters parameters() {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        return parameters;
    }
}
