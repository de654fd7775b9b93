package org.opencac.eval.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencac.core.CodingEngine;
import org.opencac.core.EngineConfig;
import org.opencac.core.NoteCoder;
import org.opencac.core.model.Language;
import org.opencac.core.rank.Ranker;
import org.opencac.core.rank.RankerTrainer;
import org.opencac.eval.rank.RankerTraining;
import org.opencac.eval.baseline.TrainLookupBaseline;
import org.opencac.eval.bench.PipelineBenchmark;
import org.opencac.eval.codiesp.CodiespGold;
import org.opencac.eval.codiesp.CodiespGoldReader;
import org.opencac.eval.codiesp.CodiespPredictor;
import org.opencac.eval.codiesp.CodiespReport;
import org.opencac.eval.codiesp.CodiespScorer;
import org.opencac.eval.codiesp.CodiespScores;
import org.opencac.eval.codiesp.CodiespSplit;
import org.opencac.eval.codiesp.DocumentPrediction;
import org.opencac.eval.codiesp.SubmissionWriter;
import org.opencac.eval.craft.CraftEvaluation;
import org.opencac.eval.craft.CraftReport;
import org.opencac.eval.negex.NegExEvaluation;
import org.opencac.eval.negex.NegExReport;
import org.opencac.eval.report.Progress;
import org.opencac.nlp.classify.ClassifierTrainer;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.NegExItem;
import org.opencac.nlp.corpus.NegExReader;

/**
 * Command line of the evaluation module:
 * <pre>
 *   predict codiesp --texts DIR --lang es|en --out OUT [--threshold X] [--system engine|train-lookup] [--gold DIR]
 *   eval codiesp [--gold DIR] --split train|dev|test|FOLDER --lang es|en --out OUT [--threshold X]
 *                [--system engine|train-lookup] [--ranker DIR|none] [--convention codiesp|clinical]
 *   eval negex [--gold FILE] --out OUT
 *   eval craft [--gold DIR] --out OUT [--split dev|train]
 *   bench pipeline [--notes DIR|FILE.tar.gz] [--lang en|es] [--warmup N] [--max-warmup-rounds N] [--out OUT]
 *   train ranker [--gold DIR] --lang es|en [--splits train] --out DIR [--folds 5] [--seed 13] [--top-k 60]
 *                [--classifier crossfit|bundled] [--classifier-min-label-docs N]
 *                [--classifier-features-per-label N] [--tune dev|none] [--members K]
 *                [--factors 8] [--epochs 12] [--learning-rate 0.2] [--learner-seed 7]
 * </pre>
 * Exit status: 0 done, 2 bad usage, 1 failure.
 */
public final class EvalCli {
    static final String DEFAULT_GOLD = "../shared/gold";
    static final String ENGINE = "engine";
    static final String TRAIN_LOOKUP = "train-lookup";
    private static final double BASELINE_DEFAULT_THRESHOLD = 0.0;

    private EvalCli() {
    }

    public static void main(String[] args) {
        System.exit(runWithStatus(args, System.err));
    }

    /** Runs a command and turns failures into the exit status, with the message (and usage) on {@code err}. */
    static int runWithStatus(String[] args, PrintStream err) {
        try {
            return run(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    static int run(String[] args) {
        if (args.length < 2) {
            throw new UsageException("missing command");
        }
        Map<String, String> options = options(args);
        String command = args[0] + " " + args[1];
        switch (command) {
            case "predict codiesp" -> predict(options);
            case "eval codiesp" -> evaluate(options);
            case "eval negex" -> evaluateNegEx(options);
            case "eval craft" -> evaluateCraft(options);
            case "train ranker" -> trainRanker(options);
            case "bench pipeline" -> benchPipeline(options);
            default -> throw new UsageException("unknown command '" + command + "'");
        }
        return 0;
    }

    private static void predict(Map<String, String> options) {
        Path texts = Path.of(required(options, "texts"));
        Language language = language(options);
        Path out = Path.of(required(options, "out"));
        NoteCoder coder = coder(options);
        List<DocumentPrediction> predictions = new CodiespPredictor(coder, language).predictFolder(texts);
        SubmissionWriter.writeAll(out, predictions);
        System.out.println("wrote D.tsv, P.tsv, X.tsv, ranked.tsv for " + predictions.size() + " documents to "
                + out);
    }

    private static void evaluate(Map<String, String> options) {
        Path goldRoot = Path.of(options.getOrDefault("gold", DEFAULT_GOLD));
        CodiespSplit split = CodiespSplit.locate(goldRoot, required(options, "split"));
        Language language = language(options);
        Path out = Path.of(required(options, "out"));
        NoteCoder coder = coder(options);

        // Same path as "predict": the files written here are exactly what is scored.
        List<DocumentPrediction> predictions = new CodiespPredictor(coder, language)
                .predictFolder(split.textFolder(language));
        SubmissionWriter.writeAll(out, predictions);

        CodiespGold gold = CodiespGoldReader.read(split);
        CodiespScores scores = CodiespScorer.score(gold, predictions, language == Language.ES);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("system", options.getOrDefault("system", ENGINE));
        config.put("coder_version", coder.version());
        config.put("threshold", threshold(options));
        config.put("convention", options.getOrDefault("convention", "codiesp"));
        config.put("suggest_negated", suggestsNegated(options));
        config.put("disabled_rules", options.containsKey("disable-rules") ? options.get("disable-rules")
                : codiespConvention(options) ? String.join(",", new java.util.TreeSet<>(CODIESP_DISABLED_RULES)) : "");
        config.put("lang", language.code());
        config.put("split", split.name());
        config.put("split_dir", split.directory().toAbsolutePath().normalize().toString());
        config.put("run_date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        CodiespReport.writeAll(out, scores, config);
        System.out.print(CodiespReport.consoleSummary(scores, configuredCutoff(options)));
        System.out.println("wrote metrics.json, errors.tsv, report.html to " + out);
    }

    private static void evaluateNegEx(Map<String, String> options) {
        Path gold = Path.of(options.getOrDefault("gold", DEFAULT_GOLD + "/negex_chapman/negex-dev.tsv"));
        Path out = Path.of(required(options, "out"));
        if (!Files.isRegularFile(gold)) {
            throw new UsageException("NegEx gold file not found: " + gold);
        }
        List<NegExItem> items;
        try {
            items = NegExReader.read(gold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NegExEvaluation.Result result = NegExEvaluation.evaluate(items);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("gold", gold.toAbsolutePath().normalize().toString());
        config.put("analyzer", "ConText.forLanguage(\"en\") on the sentence, tokens from TextModels.forLanguage(\"en\")"
                + " (the pipeline's ContextStage; NegEx rows have no section)");
        config.put("run_date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        NegExReport.writeAll(out, result, config);
        System.out.print(NegExReport.consoleSummary(result));
        System.out.println("wrote metrics.json, predictions.tsv, errors.tsv, report.html to " + out);
    }

    private static void evaluateCraft(Map<String, String> options) {
        Path gold = Path.of(options.getOrDefault("gold", DEFAULT_GOLD + "/craft"));
        Path out = Path.of(required(options, "out"));
        String split = options.getOrDefault("split", "dev");
        if (!Files.isDirectory(gold)) {
            throw new UsageException("CRAFT folder not found: " + gold);
        }
        List<AlignedDocument> documents;
        try {
            documents = CraftEvaluation.load(gold, split);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (documents.isEmpty()) {
            throw new UsageException("no CRAFT documents in " + gold + " (need ids/craft-ids-" + split
                    + ".txt with the tarballs, or <id>.txt + <id>.conllu files)");
        }
        boolean splitFolder = CraftEvaluation.isSplitFolder(gold, split);
        CraftEvaluation.Result result = CraftEvaluation.evaluate(documents, CraftEvaluation.oursAndStock(),
                Progress.toStderr("craft", documents.size()));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("gold", gold.toAbsolutePath().normalize().toString());
        config.put("split", splitFolder ? split : "folder (all documents)");
        config.put("systems", "ours = TextModels.forLanguage(\"en\"); baseline_opennlp_stock = TextModels.openNlpStock()");
        config.put("run_date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        CraftReport.writeAll(out, result, documents, config);
        System.out.print(CraftReport.consoleSummary(result));
        System.out.println("wrote metrics.json, errors.tsv, report.html to " + out);
    }

    private static void benchPipeline(Map<String, String> options) {
        Path notes = Path.of(options.getOrDefault("notes", DEFAULT_GOLD + "/codiesp/background.tar.gz"));
        Language language = options.containsKey("lang") ? language(options) : Language.EN;
        // One full pass of the default notes (after 500 the JIT compiler still held the one-thread figure back by
        // ~25%), then more passes while the compiler is still busy.
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3000"));
        String out = options.get("out");
        int maxWarmupRounds = Integer.parseInt(options.getOrDefault("max-warmup-rounds", "10"));
        PipelineBenchmark.run(notes, language, new int[] {1, 2}, warmup, maxWarmupRounds,
                out == null ? null : Path.of(out));
    }

    private static void trainRanker(Map<String, String> options) {
        Path goldRoot = Path.of(options.getOrDefault("gold", DEFAULT_GOLD));
        String classifier = options.getOrDefault("classifier", "crossfit");
        if (!classifier.equals("crossfit") && !classifier.equals("bundled")) {
            throw new UsageException("--classifier must be crossfit or bundled");
        }
        RankerTraining.Options settings = new RankerTraining.Options(goldRoot, language(options),
                List.of(options.getOrDefault("splits", "train").split(",")), Path.of(required(options, "out")),
                Integer.parseInt(options.getOrDefault("folds", "5")), Long.parseLong(options.getOrDefault("seed", "13")),
                Integer.parseInt(options.getOrDefault("top-k", "60")), classifier.equals("crossfit"),
                options.getOrDefault("tune", "dev").equals("none") ? null : options.getOrDefault("tune", "dev"),
                classifierSettings(options), learnerSettings(options));
        try {
            new RankerTraining(settings).run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ranker's learner: the trainer's defaults unless options override them (for experiments). */
    static RankerTrainer.Settings learnerSettings(Map<String, String> options) {
        RankerTrainer.Settings d = RankerTrainer.Settings.defaults();
        int members = Integer.parseInt(options.getOrDefault("members", Integer.toString(d.members())));
        int factors = Integer.parseInt(options.getOrDefault("factors", Integer.toString(d.factorDimensions())));
        int epochs = Integer.parseInt(options.getOrDefault("epochs", Integer.toString(d.epochs())));
        double rate = Double.parseDouble(options.getOrDefault("learning-rate", Double.toString(d.learningRate())));
        long seed = Long.parseLong(options.getOrDefault("learner-seed", Long.toString(d.seed())));
        if (members > 50 || factors < 0 || epochs < 1 || !(rate > 0)) {
            throw new UsageException("--members must be 1-50, --factors >= 0, --epochs >= 1, --learning-rate > 0");
        }
        try {
            return new RankerTrainer.Settings(epochs, rate, seed, factors, members);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The cross-fitted classifier's training settings: the trainer's defaults (those of the bundled classifier)
     * unless overridden, so that the per-fold classifiers match the one the ranker meets at run time.
     */
    static ClassifierTrainer.Settings classifierSettings(Map<String, String> options) {
        ClassifierTrainer.Settings d = ClassifierTrainer.Settings.defaults();
        return new ClassifierTrainer.Settings(d.hashBuckets(),
                Integer.parseInt(options.getOrDefault("classifier-min-label-docs", Integer.toString(d.minLabelDocs()))),
                Integer.parseInt(options.getOrDefault("classifier-features-per-label",
                        Integer.toString(d.featuresPerLabel()))),
                d.minFeatureDocs(), d.epochs(), d.learningRate(), d.seed());
    }

    /**
     * CodiEsp's annotators coded every codable mention, negated ones included (on dev, 261 of the 403 candidates
     * our context stage marks negated, hypothetical or family are gold codes). So the CodiEsp commands score the
     * engine under that convention by default; {@code --convention clinical} applies the coding convention the
     * product uses by default (such mentions are evidence, never suggestions). {@code --suggest-negated} overrides.
     */
    /**
     * CodiEsp's gold codes each mention on its own: both codes of an Excludes1 pair, and the parts rather than a
     * combination code. Under the CodiEsp convention those two coder rules are off (on dev, Excludes1 alone cost
     * 0.02 D F1). Its code set is the Spanish edition CIE-10-ES 2018, not the US FY2018 release our validity and
     * specificity rules check against: 306 of the 5,639 train D codes and 31 of the 1,550 train P codes are not
     * billable US FY2018 codes (W19.XXX without a 7th character, category codes such as C50.9, 3E0T3CZ), so those
     * two rules are off as well.
     */
    static final java.util.Set<String> CODIESP_DISABLED_RULES =
            java.util.Set.of("excludes1", "combination", "validity", "specificity");

    static boolean codiespConvention(Map<String, String> options) {
        return options.getOrDefault("convention", "codiesp").equals("codiesp");
    }

    static boolean suggestsNegated(Map<String, String> options) {
        if (options.containsKey("suggest-negated")) {
            return Boolean.parseBoolean(options.get("suggest-negated"));
        }
        String convention = options.getOrDefault("convention", "codiesp");
        return switch (convention) {
            case "codiesp" -> true;
            case "clinical" -> false;
            default -> throw new UsageException("unknown --convention '" + convention + "' (use codiesp or clinical)");
        };
    }

    private static NoteCoder coder(Map<String, String> options) {
        String system = options.getOrDefault("system", ENGINE);
        double threshold = threshold(options);
        if (system.equals(ENGINE)) {
            EngineConfig config = options.containsKey("threshold") ? EngineConfig.defaults().withThreshold(threshold)
                    : EngineConfig.defaults();
            config = config.withRankerSuggestsNegated(suggestsNegated(options));
            if (options.containsKey("disable-rules")) {
                config = config.withDisabledRules(java.util.Set.of(options.get("disable-rules").split(",")));
            } else if (codiespConvention(options)) {
                config = config.withDisabledRules(CODIESP_DISABLED_RULES);
            }
            if (options.containsKey("ranker")) {
                if (options.get("ranker").equals("none")) {
                    return CodingEngine.create(config.withRanker(false));
                }
                Language language = language(options);
                try {
                    return CodingEngine.create(config, Map.of(language,
                            Ranker.load(Path.of(options.get("ranker")), language.code())));
                } catch (java.io.IOException e) {
                    throw new UsageException("cannot load ranker from " + options.get("ranker") + ": " + e.getMessage());
                }
            }
            return CodingEngine.create(config);
        }
        if (system.equals(TRAIN_LOOKUP)) {
            Path goldRoot = Path.of(options.getOrDefault("gold", DEFAULT_GOLD));
            CodiespSplit train = CodiespSplit.locate(goldRoot, "train");
            return TrainLookupBaseline.fromReferences(
                    CodiespGoldReader.readReferences(train.referencesFile()), threshold);
        }
        throw new UsageException("unknown --system '" + system + "' (use engine or train-lookup)");
    }

    /** How the headline's cut-off was set, for the console: the engine's ranker keeps one per language and system. */
    static String configuredCutoff(Map<String, String> options) {
        boolean rankerCard = ENGINE.equals(options.getOrDefault("system", ENGINE)) && !options.containsKey("threshold")
                && !"none".equals(options.get("ranker"));
        return rankerCard ? "the ranker's per-system cut-offs" : String.format(Locale.ROOT, "%.2f", threshold(options));
    }

    /** The configured cut-off: --threshold, else the engine default, else 0 for the baseline (all matches). */
    static double threshold(Map<String, String> options) {
        if (options.containsKey("threshold")) {
            try {
                return Double.parseDouble(options.get("threshold"));
            } catch (NumberFormatException e) {
                throw new UsageException("--threshold needs a number");
            }
        }
        return TRAIN_LOOKUP.equals(options.get("system")) ? BASELINE_DEFAULT_THRESHOLD
                : EngineConfig.defaults().threshold();
    }

    private static Language language(Map<String, String> options) {
        try {
            return Language.fromCode(required(options, "lang"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    /** "--name value" pairs after the two command words. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value, got '" + arg + "'");
            }
            options.put(arg.substring(2).toLowerCase(Locale.ROOT), args[++i]);
        }
        return options;
    }

    static String usage() {
        return String.join("\n",
                "usage:",
                "  predict codiesp --texts DIR --lang es|en --out OUT [--threshold X] [--system engine|train-lookup]"
                        + " [--gold DIR]",
                "  eval codiesp [--gold DIR] --split train|dev|FOLDER --lang es|en --out OUT [--threshold X]"
                        + " [--system engine|train-lookup] [--ranker DIR|none] [--convention codiesp|clinical] [--disable-rules a,b]",
                "  eval negex [--gold FILE] --out OUT      (default FILE " + DEFAULT_GOLD
                        + "/negex_chapman/negex-dev.tsv)",
                "  eval craft [--gold DIR] --out OUT [--split dev|train]   (DIR: the CRAFT folder, default "
                        + DEFAULT_GOLD + "/craft, or a folder of <id>.txt + <id>.conllu, all scored)",
                "  train ranker [--gold DIR] --lang es|en [--splits train] --out DIR [--folds 5] [--top-k 60]"
                        + " [--classifier crossfit|bundled] [--classifier-min-label-docs N]"
                        + " [--classifier-features-per-label N] [--tune dev|none] [--members K]"
                        + " [--factors 8] [--epochs 12] [--learning-rate 0.2] [--learner-seed 7]",
                "  bench pipeline [--notes DIR|FILE.tar.gz] [--lang en|es] [--warmup N] [--max-warmup-rounds N] [--out OUT]");
    }


    /** Bad command-line input: reported with the usage text. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
