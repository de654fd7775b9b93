package org.opencac.eval.rank;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.opencac.core.CodingEngine;
import org.opencac.core.EngineConfig;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Stage;
import org.opencac.core.rank.CandidateFeatures;
import org.opencac.core.rank.Calibration;
import org.opencac.core.rank.RankCandidate;
import org.opencac.core.rank.Ranker;
import org.opencac.core.rank.RankerCard;
import org.opencac.core.rank.RankerModel;
import org.opencac.core.rank.RankerTrainer;
import org.opencac.core.rank.TermStatistics;
import org.opencac.core.stages.ContextStage;
import org.opencac.core.stages.DictionaryStage;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Codes;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermSources;
import org.opencac.dictionaries.match.Abbreviations;
import org.opencac.dictionaries.match.TokenNormalizer;
import org.opencac.eval.codiesp.CodeKey;
import org.opencac.eval.codiesp.CodiespGold;
import org.opencac.eval.codiesp.CodiespGoldReader;
import org.opencac.eval.codiesp.CodiespSplit;
import org.opencac.eval.codiesp.GoldReference;
import org.opencac.nlp.classify.ClassifierTrainer;
import org.opencac.nlp.classify.CodeLabels;
import org.opencac.nlp.classify.CodeScore;
import org.opencac.nlp.classify.DocumentClassifier;
import org.opencac.nlp.classify.LabelledDocument;
import org.opencac.nlp.context.ConText;

/**
 * {@code train ranker}: builds ranker training rows on CodiEsp with K-fold cross-fitting, trains the Tribuo model,
 * calibrates it on out-of-fold scores, and writes {@code ranker-<lang>.onnx}, {@code .json} (card),
 * {@code -stats.tsv.gz} and {@code .md} into the output folder.
 *
 * <p>Cross-fitting: for the documents of fold k, the Spanish learned terms (dictionary), the term-precision
 * statistics, the code priors and (with {@code --classifier crossfit}) the document classifier all come from the
 * other folds only. The run-time statistics are gathered on all training documents with the bundled dictionary.
 * English projected terms are cross-fitted too: the train evidence is projected onto the English translation once
 * per document ({@link FoldProjection}) and each fold's dictionary holds the terms of the other folds only.
 */
public final class RankerTraining {
    /** Options of one run. */
    public record Options(Path goldRoot, Language language, List<String> splits, Path out, int folds, long seed,
                          int topK, boolean crossFitClassifier, String tuneSplit,
                          ClassifierTrainer.Settings classifierSettings, RankerTrainer.Settings learner) {
    }

    /** A gold-annotated document. */
    record Doc(String id, String text, Set<String> goldKeys, List<GoldReference> references) {
    }

    /** Tribuo logs every epoch at INFO; kept as a field so the level setting is not garbage-collected. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private final Options options;
    private final EngineConfig config = EngineConfig.defaults();

    public RankerTraining(Options options) {
        this.options = options;
    }

    public void run() throws IOException {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        long start = System.nanoTime();
        List<Doc> docs = new ArrayList<>();
        for (String split : options.splits()) {
            docs.addAll(readDocs(CodiespSplit.locate(options.goldRoot(), split), options.language()));
        }
        Map<String, Doc> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        CrossFitFolds folds = new CrossFitFolds(new ArrayList<>(byId.keySet()), options.folds(), options.seed());
        log("documents %d, folds %d", docs.size(), folds.folds());

        Dictionaries base = CodingEngine.rankerDictionaries();
        List<Stage> input = CodingEngine.rankerInputStages(options.language(), base, config);
        List<Stage> textStages = input.subList(0, 3);
        Map<String, AnalyzedNote> prepared = new LinkedHashMap<>();
        for (Doc doc : docs) {
            AnalyzedNote note = AnalyzedNote.of(Note.of(doc.id(), doc.text(), options.language()));
            for (Stage stage : textStages) {
                note = stage.apply(note);
            }
            prepared.put(doc.id(), note);
        }
        log("text layer done");

        FoldProjection projection = options.language() == Language.EN
                ? FoldProjection.build(options.goldRoot(), options.splits()) : null;
        if (projection != null) {
            log("English evidence projected per document");
        }
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<Integer> rowFold = new ArrayList<>();
        List<String> rowSystem = new ArrayList<>();
        int positives = 0;
        Set<String> reachable = new LinkedHashSet<>();
        int goldTotal = 0;
        Map<String, Integer> goldBySystem = new TreeMap<>();
        for (int k = 0; k < folds.folds(); k++) {
            Set<String> others = new LinkedHashSet<>(folds.trainingDocuments(k));
            Dictionaries dictionary = options.language() == Language.ES
                    ? learnedDictionary(base, docs.stream().filter(d -> others.contains(d.id())).toList())
                    : Dictionaries.bundledBuilder()
                            .addTerms(org.opencac.dictionaries.match.Language.EN, projection.terms(others)).build();
            Map<String, AnalyzedNote> analysed = analyse(prepared, dictionary);
            TermStatistics.Builder statsBuilder = new TermStatistics.Builder();
            for (String id : others) {
                statsBuilder.addDocument(analysed.get(id).mentions(), byId.get(id).goldKeys());
            }
            TermStatistics stats = statsBuilder.build();
            DocumentClassifier classifier = options.crossFitClassifier()
                    ? trainClassifier(docs.stream().filter(d -> others.contains(d.id())).toList())
                    : DocumentClassifier.loadBundled(options.language().code());
            for (String id : folds.documents(k)) {
                AnalyzedNote note = analysed.get(id);
                List<CodeScore> scores = classifier.classify(note.text());
                List<RankCandidate> candidates = CandidateFeatures.candidates(note, scores, options.topK());
                double[][] vectors = CandidateFeatures.vectors(note, candidates, stats);
                Set<String> gold = byId.get(id).goldKeys();
                goldTotal += gold.size();
                for (String key : gold) {
                    goldBySystem.merge(key.substring(0, key.indexOf('|')), 1, Integer::sum);
                }
                for (int i = 0; i < candidates.size(); i++) {
                    boolean label = gold.contains(candidates.get(i).key());
                    if (label) {
                        positives++;
                        reachable.add(id + "|" + candidates.get(i).key());
                    }
                    rows.add(vectors[i]);
                    labels.add(label);
                    rowFold.add(k);
                    rowSystem.add(candidates.get(i).system().displayName());
                }
            }
            classifier.close();
            log("fold %d: %d rows so far (%d positive)", k, rows.size(), positives);
        }
        double[][] x = rows.toArray(double[][]::new);
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }

        // Out-of-fold scores of a model trained without each fold, for the calibration map.
        RankerTrainer trainer = new RankerTrainer(options.learner());
        double[] oof = new double[x.length];
        for (int k = 0; k < folds.folds(); k++) {
            List<Integer> trainIdx = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                (rowFold.get(i) == k ? testIdx : trainIdx).add(i);
            }
            RankerTrainer.TrainedRanker foldModel = trainer.train(select(x, trainIdx), select(y, trainIdx),
                    CandidateFeatures.NAMES);
            try (RankerModel scorer = RankerModel.fromBytes(foldModel.onnx(), CandidateFeatures.NAMES)) {
                double[] scores = scorer.score(select(x, testIdx));
                for (int j = 0; j < testIdx.size(); j++) {
                    oof[testIdx.get(j)] = scores[j];
                }
            }
        }
        Calibration calibration = Calibration.fit(oof, y);
        double[] oofCalibrated = new double[oof.length];
        for (int i = 0; i < oof.length; i++) {
            oofCalibrated[i] = calibration.apply(oof[i]);
        }
        List<Calibration.Bin> oofRaw = Calibration.table(oof, y, 10);
        RankerTrainer.TrainedRanker finalModel = trainer.train(x, y, CandidateFeatures.NAMES);
        log("model trained: %d columns", finalModel.columns().size());

        // Run-time statistics: all training documents with the bundled (run-time) dictionary.
        Map<String, AnalyzedNote> analysedFull = analyse(prepared, base);
        TermStatistics.Builder fullBuilder = new TermStatistics.Builder();
        for (Doc doc : docs) {
            fullBuilder.addDocument(analysedFull.get(doc.id()).mentions(), doc.goldKeys());
        }
        TermStatistics fullStats = fullBuilder.build();

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("data", "CodiEsp " + String.join("+", options.splits()) + " (" + docs.size() + " documents)");
        training.put("folds", folds.folds());
        training.put("seed", options.seed());
        training.put("classifier", options.crossFitClassifier() ? "cross-fitted per fold (ClassifierTrainer)"
                : "bundled classifier (trained on all train: NOT cross-fitted)");
        training.put("dictionary", options.language() == Language.ES
                ? "learned terms cross-fitted per fold" : "official + projected terms, projected terms cross-fitted per fold");
        training.put("rows", x.length);
        training.put("positive_rows", positives);
        training.put("gold_codes", goldTotal);
        training.put("candidate_recall", goldTotal == 0 ? 0 : reachable.size() / (double) goldTotal);
        training.put("classifier_top_k", options.topK());
        training.put("classifier_min_label_docs", options.classifierSettings().minLabelDocs());
        training.put("classifier_features_per_label", options.classifierSettings().featuresPerLabel());
        training.put("learner", options.learner().describe());
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Calibration.Bin> oofTable = Calibration.table(oofCalibrated, y, 10);
        figures.put("oof_ece_raw", Calibration.expectedCalibrationError(oofRaw));
        figures.put("oof_ece_calibrated_in_sample", Calibration.expectedCalibrationError(oofTable));
        // Cross-fitted accuracy on train, a check that does not look at the tune split.
        for (Map.Entry<String, Integer> system : goldBySystem.entrySet()) {
            List<double[]> scored = new ArrayList<>();
            for (int i = 0; i < oofCalibrated.length; i++) {
                if (rowSystem.get(i).equals(system.getKey())) {
                    scored.add(new double[] {oofCalibrated[i], y[i] ? 1 : 0});
                }
            }
            double[] best = bestCutOff(scored, system.getValue());
            figures.put("oof_best_f1_" + system.getKey(), best[1]);
            log("out-of-fold (train) %s: best F1 %.4f at cut-off %.2f", system.getKey(), best[1], best[0]);
        }
        RankerCard card = new RankerCard(RankerCard.FORMAT, "ranker-" + options.language().code() + "-1",
                options.language().code(), finalModel.columns(), finalModel.weights(), finalModel.bias(), calibration,
                Map.of(CodeSystem.ICD10CM.displayName(), 0.5, CodeSystem.ICD10PCS.displayName(), 0.5), options.topK(),
                training, figures);

        Files.createDirectories(options.out());
        String lang = options.language().code();
        Files.write(options.out().resolve(Ranker.onnxName(lang)), finalModel.onnx());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(options.out().resolve(Ranker.statisticsName(lang))))) {
            fullStats.write(out);
        }
        if (options.tuneSplit() != null) {
            card = tune(card, finalModel.onnx(), fullStats, base);
        }
        try (OutputStream out = Files.newOutputStream(options.out().resolve(Ranker.cardName(lang)))) {
            card.write(out);
        }
        Files.writeString(options.out().resolve("ranker-" + lang + ".md"), ModelCardText.markdown(card, x.length,
                finalModel.onnx().length), StandardCharsets.UTF_8);
        log("wrote %s (%.0f s)", options.out(), (System.nanoTime() - start) / 1e9);
        System.out.print(ModelCardText.calibrationTable("out-of-fold (train), raw", oofRaw));
    }

    /** Chooses per-system cut-offs on the tune split (best micro F1) and measures calibration there. */
    private RankerCard tune(RankerCard card, byte[] onnx, TermStatistics stats, Dictionaries dictionary) {
        CodiespSplit split = CodiespSplit.locate(options.goldRoot(), options.tuneSplit());
        List<Doc> docs = readDocs(split, options.language());
        Ranker ranker = new Ranker(RankerModel.fromBytes(onnx, CandidateFeatures.NAMES), card, stats,
                DocumentClassifier.loadBundled(options.language().code()));
        List<Stage> stages = CodingEngine.rankerInputStages(options.language(), dictionary, config);
        Map<String, List<double[]>> bySystem = new TreeMap<>(); // {confidence, label}
        Map<String, Integer> goldBySystem = new HashMap<>();
        List<Double> confidences = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        long rankerNanos = 0;
        for (Doc doc : docs) {
            AnalyzedNote note = AnalyzedNote.of(Note.of(doc.id(), doc.text(), options.language()));
            for (Stage stage : stages) {
                note = stage.apply(note);
            }
            long t0 = System.nanoTime();
            List<RankCandidate> candidates = ranker.candidates(note);
            double[] conf = ranker.confidences(CandidateFeatures.vectors(note, candidates, stats));
            rankerNanos += System.nanoTime() - t0;
            for (int i = 0; i < candidates.size(); i++) {
                boolean label = doc.goldKeys().contains(candidates.get(i).key());
                bySystem.computeIfAbsent(candidates.get(i).system().displayName(), s -> new ArrayList<>())
                        .add(new double[] {conf[i], label ? 1 : 0});
                confidences.add(conf[i]);
                labels.add(label);
            }
            for (String key : doc.goldKeys()) {
                goldBySystem.merge(key.substring(0, key.indexOf('|')), 1, Integer::sum);
            }
        }
        Map<String, Double> thresholds = new TreeMap<>();
        Map<String, Object> figures = new LinkedHashMap<>(card.figures());
        for (Map.Entry<String, List<double[]>> entry : bySystem.entrySet()) {
            double[] best = bestCutOff(entry.getValue(), goldBySystem.getOrDefault(entry.getKey(), 0));
            thresholds.put(entry.getKey(), best[0]);
            figures.put(options.tuneSplit() + "_best_f1_" + entry.getKey(), best[1]);
        }
        double[] c = confidences.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] l = new boolean[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        List<Calibration.Bin> table = Calibration.table(c, l, 10);
        figures.put(options.tuneSplit() + "_ece", Calibration.expectedCalibrationError(table));
        figures.put(options.tuneSplit() + "_calibration_bins", table);
        // The ranker's time per note is logged below, not kept in the card: a wall-clock figure would make the card
        // differ from run to run, and the training command is meant to reproduce the shipped card byte for byte.
        figures.put("thresholds_chosen_on", options.tuneSplit());
        log("%s: thresholds %s, ECE %.3f, ranker %.1f ms/note", options.tuneSplit(), thresholds,
                Calibration.expectedCalibrationError(table), rankerNanos / 1e6 / Math.max(1, docs.size()));
        System.out.print(ModelCardText.calibrationTable(options.tuneSplit() + ", calibrated", table));
        return card.withThresholds(thresholds).withFigures(figures);
    }

    /**
     * The cut-off among 0.01..0.99 with the best micro F1 over {@code scored} rows of {confidence, label}, where
     * {@code gold} counts every gold code (reachable or not); returns {cut-off, F1}, the lowest cut-off on ties.
     */
    static double[] bestCutOff(List<double[]> scored, int gold) {
        double bestF1 = -1;
        double bestCut = 0.5;
        for (int step = 1; step < 100; step++) {
            double cut = step / 100.0;
            int tp = 0;
            int predicted = 0;
            for (double[] row : scored) {
                if (row[0] >= cut) {
                    predicted++;
                    tp += (int) row[1];
                }
            }
            double f1 = predicted + gold == 0 ? 0 : 2.0 * tp / (predicted + gold);
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                bestCut = cut;
            }
        }
        return new double[] {bestCut, bestF1};
    }

    private Map<String, AnalyzedNote> analyse(Map<String, AnalyzedNote> prepared, Dictionaries dictionary) {
        String lang = options.language().code();
        DictionaryStage dictionaryStage = new DictionaryStage(dictionary, lang, config.defaultDateOfService(), true);
        ContextStage contextStage = new ContextStage(ConText.forLanguage(lang));
        Map<String, AnalyzedNote> analysed = new LinkedHashMap<>();
        prepared.forEach((id, note) -> analysed.put(id, contextStage.apply(dictionaryStage.apply(note))));
        return analysed;
    }

    /**
     * The Spanish dictionary of one fold: the bundled code releases with terms learned from the evidence spans of
     * the given documents only, weighted as the bundled learned terms are (count over the phrase's total count).
     */
    static Dictionaries learnedDictionary(Dictionaries base, List<Doc> docs) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Doc doc : docs) {
            for (GoldReference reference : doc.references()) {
                CodeSystem system = reference.key().type().codeSystem();
                String evidence = reference.evidence().strip().replaceAll("\\s+", " ");
                if (!evidence.isEmpty()) {
                    counts.merge(system.displayName() + '\t' + Codes.canonical(system, reference.key().code()) + '\t'
                            + evidence, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> totals = new HashMap<>();
        counts.forEach((key, count) -> totals.merge(TokenNormalizer.foldLower(key.split("\t")[2]), count, Integer::sum));
        List<DictionaryTerm> terms = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] f = key.split("\t");
            terms.add(new DictionaryTerm(CodeSystem.fromDisplayName(f[0]), f[1], f[2], TermSources.CODIESP_TRAIN,
                    count / (double) totals.get(TokenNormalizer.foldLower(f[2]))));
        });
        Dictionaries.Builder builder = Dictionaries.builder();
        for (CodeSystem system : CodeSystem.values()) {
            base.releases(system).forEach(builder::addRelease);
        }
        // Translated official terms do not come from gold evidence, so every fold keeps all of them (no cross-fitting).
        builder.addTerms(org.opencac.dictionaries.match.Language.ES,
                base.extraTerms(org.opencac.dictionaries.match.Language.ES, TermSources.ICD10_ES_TRANSLATED));
        return builder.addTerms(org.opencac.dictionaries.match.Language.ES, terms)
                .abbreviations(org.opencac.dictionaries.match.Language.ES,
                        Abbreviations.bundled(org.opencac.dictionaries.match.Language.ES))
                .build();
    }

    private DocumentClassifier trainClassifier(List<Doc> docs) {
        List<LabelledDocument> labelled = new ArrayList<>();
        for (Doc doc : docs) {
            Set<String> labels = new LinkedHashSet<>();
            for (String key : doc.goldKeys()) {
                int bar = key.indexOf('|');
                labels.add(CodeLabels.label(key.substring(0, bar), key.substring(bar + 1)));
            }
            labelled.add(new LabelledDocument(doc.text(), labels));
        }
        ClassifierTrainer.TrainedClassifier trained = new ClassifierTrainer(options.classifierSettings())
                .train(labelled, options.language().code());
        return DocumentClassifier.fromBytes(trained.onnx());
    }

    static List<Doc> readDocs(CodiespSplit split, Language language) {
        CodiespGold gold = CodiespGoldReader.read(split);
        Map<String, Set<String>> keys = new TreeMap<>();
        for (CodeKey key : gold.codes()) {
            CodeSystem system = key.type().codeSystem();
            keys.computeIfAbsent(key.docId(), id -> new LinkedHashSet<>())
                    .add(TermStatistics.codeKey(system.displayName(), Codes.canonical(system, key.code())));
        }
        Map<String, List<GoldReference>> references = new HashMap<>();
        gold.references().forEach(r -> references.computeIfAbsent(r.key().docId(), id -> new ArrayList<>()).add(r));
        List<Doc> docs = new ArrayList<>();
        Path folder = split.textFolder(language);
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".txt")) {
                    continue;
                }
                String id = name.substring(0, name.length() - 4);
                docs.add(new Doc(id, Files.readString(file, StandardCharsets.UTF_8), keys.getOrDefault(id, Set.of()),
                        references.getOrDefault(id, List.of())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static double[][] select(double[][] x, List<Integer> idx) {
        double[][] out = new double[idx.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[idx.get(i)];
        }
        return out;
    }

    static boolean[] select(boolean[] y, List<Integer> idx) {
        boolean[] out = new boolean[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = y[idx.get(i)];
        }
        return out;
    }

    private static void log(String format, Object... args) {
        System.err.println("train ranker: " + String.format(Locale.ROOT, format, args));
    }
}
