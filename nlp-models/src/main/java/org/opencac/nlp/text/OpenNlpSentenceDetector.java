package org.opencac.nlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/** A plain OpenNLP sentence detector over the whole text, without clinical rules (the baseline). Thread-safe. */
public final class OpenNlpSentenceDetector implements SentenceDetector {
    private final ThreadLocal<SentenceDetectorME> detectors;

    public OpenNlpSentenceDetector(SentenceModel model) {
        this.detectors = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    @Override
    public List<TextSpan> detect(String text) {
        List<TextSpan> sentences = new ArrayList<>();
        for (Span span : detectors.get().sentPosDetect(text)) {
            TextSpan trimmed = TextBlocks.trim(text, span.getStart(), span.getEnd());
            if (trimmed.length() > 0) {
                sentences.add(trimmed);
            }
        }
        return sentences;
    }
}
