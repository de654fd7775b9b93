package org.opencac.core.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.nlp.classify.CodeScore;
import org.opencac.nlp.classify.DocumentClassifier;

/**
 * Everything the ranker needs at run time for one language: the ONNX model, its card (calibration, cut-offs,
 * weights), the term statistics gathered on the training documents and the document classifier. Built once and
 * shared by all threads. Files: {@code ranker-<lang>.onnx}, {@code ranker-<lang>.json},
 * {@code ranker-<lang>-stats.tsv.gz}, bundled under {@code org/opencac/nlp/rank/} or in a training output folder.
 */
public final class Ranker {
    public static final String RESOURCE_DIR = "/org/opencac/nlp/rank/";

    private final RankerModel model;
    private final RankerCard card;
    private final TermStatistics statistics;
    private final DocumentClassifier classifier;

    public Ranker(RankerModel model, RankerCard card, TermStatistics statistics, DocumentClassifier classifier) {
        this.model = model;
        this.card = card;
        this.statistics = statistics;
        this.classifier = classifier;
    }

    public static String onnxName(String language) {
        return "ranker-" + language + ".onnx";
    }

    public static String cardName(String language) {
        return "ranker-" + language + ".json";
    }

    public static String statisticsName(String language) {
        return "ranker-" + language + "-stats.tsv.gz";
    }

    /** The ranker shipped for a language, or empty when none is bundled. */
    public static Optional<Ranker> loadBundled(String language) {
        try (InputStream onnx = Ranker.class.getResourceAsStream(RESOURCE_DIR + onnxName(language));
             InputStream card = Ranker.class.getResourceAsStream(RESOURCE_DIR + cardName(language));
             InputStream stats = Ranker.class.getResourceAsStream(RESOURCE_DIR + statisticsName(language))) {
            if (onnx == null || card == null || stats == null) {
                return Optional.empty();
            }
            return Optional.of(new Ranker(RankerModel.fromBytes(onnx.readAllBytes(), CandidateFeatures.NAMES),
                    RankerCard.read(card), TermStatistics.read(new GZIPInputStream(stats)),
                    DocumentClassifier.loadBundled(language)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load bundled ranker for " + language, e);
        }
    }

    /** A ranker written by the training command into {@code directory}. */
    public static Ranker load(Path directory, String language) throws IOException {
        byte[] onnx = Files.readAllBytes(directory.resolve(onnxName(language)));
        RankerCard card;
        try (InputStream in = Files.newInputStream(directory.resolve(cardName(language)))) {
            card = RankerCard.read(in);
        }
        TermStatistics stats;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(directory.resolve(statisticsName(language))))) {
            stats = TermStatistics.read(in);
        }
        return new Ranker(RankerModel.fromBytes(onnx, CandidateFeatures.NAMES), card, stats,
                DocumentClassifier.loadBundled(language));
    }

    public RankerCard card() {
        return card;
    }

    public RankerModel model() {
        return model;
    }

    public TermStatistics statistics() {
        return statistics;
    }

    /** The candidates of an analysed note (mentions and context required). */
    public List<RankCandidate> candidates(AnalyzedNote note) {
        // Only the classifier's top-K codes can become candidates without a mention, the only ones whose
        // evidence sentences are shown, so only they need evidence.
        List<CodeScore> scores = classifier == null ? List.of()
                : classifier.classify(note.text(), card.classifierTopK());
        return CandidateFeatures.candidates(note, scores, card.classifierTopK());
    }

    /** Calibrated confidence of each candidate, in candidate order, from one batched model call. */
    public double[] confidences(double[][] rows) {
        double[] raw = model.score(rows);
        double[] calibrated = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            calibrated[i] = card.calibration().apply(raw[i]);
        }
        return calibrated;
    }
}
