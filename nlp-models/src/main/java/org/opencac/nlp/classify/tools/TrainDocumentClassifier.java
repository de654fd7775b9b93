package org.opencac.nlp.classify.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.opencac.nlp.classify.ClassifierTrainer;
import org.opencac.nlp.classify.CodeLabels;
import org.opencac.nlp.classify.CodeScore;
import org.opencac.nlp.classify.DocumentClassifier;
import org.opencac.nlp.classify.LabelledDocument;

/**
 * Trains the document classifier on CodiEsp splits, writes the ONNX model and a model card next to it, and (with
 * --eval) reports micro P/R/F1 at the best threshold and MAP on another split, scored through ONNX Runtime.
 *
 * <pre>TrainDocumentClassifier --gold DIR --lang es|en --splits train --out FILE.onnx [--eval dev]
 *     [--min-label-docs 5] [--features-per-label 12] [--epochs 25] [--learning-rate 0.5]</pre>
 */
public final class TrainDocumentClassifier {
    private TrainDocumentClassifier() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path gold = Path.of(required(options, "gold"));
        String language = required(options, "lang");
        Path out = Path.of(required(options, "out"));
        ClassifierTrainer.Settings defaults = ClassifierTrainer.Settings.defaults();
        ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(defaults.hashBuckets(),
                intOption(options, "min-label-docs", defaults.minLabelDocs()),
                intOption(options, "features-per-label", defaults.featuresPerLabel()),
                defaults.minFeatureDocs(),
                intOption(options, "epochs", defaults.epochs()),
                Double.parseDouble(options.getOrDefault("learning-rate", Double.toString(defaults.learningRate()))),
                defaults.seed());

        List<String> splits = List.of(options.getOrDefault("splits", "train").split(","));
        List<LabelledDocument> training = new ArrayList<>();
        for (String split : splits) {
            for (CodiEspCorpus.Document document : CodiEspCorpus.documents(gold, split)) {
                training.add(new LabelledDocument(textOf(document, language), document.labels()));
            }
        }
        long started = System.nanoTime();
        ClassifierTrainer.TrainedClassifier trained = new ClassifierTrainer(settings).train(training, language);
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, trained.onnx());
        System.out.printf(Locale.ROOT, "trained on %d docs in %.1f s: %d labels, %d feature columns, %d bytes%n",
                training.size(), seconds, trained.labels().size(), trained.featureCount(), trained.onnx().length);

        List<String> report = new ArrayList<>();
        String evalSplit = options.get("eval");
        if (evalSplit != null) {
            try (DocumentClassifier classifier = DocumentClassifier.fromBytes(trained.onnx())) {
                List<CodiEspCorpus.Document> evalDocs = CodiEspCorpus.documents(gold, evalSplit);
                report.addAll(evaluate(classifier, evalDocs, language, evalSplit));
            }
            report.forEach(System.out::println);
        }
        writeModelCard(out, language, splits, settings, trained, report);
    }

    static String textOf(CodiEspCorpus.Document document, String language) {
        return language.equals("en") ? document.english() : document.spanish();
    }

    private static List<String> evaluate(DocumentClassifier classifier, List<CodiEspCorpus.Document> documents,
                                         String language, String split) {
        Map<String, List<RankingMetrics.Ranked>> bySystem = new HashMap<>();
        Map<String, List<RankingMetrics.Ranked>> inVocabulary = new HashMap<>();
        Set<String> known = new HashSet<>(classifier.labels());
        for (CodiEspCorpus.Document document : documents) {
            List<CodeScore> scores = classifier.classify(textOf(document, language));
            for (String system : List.of(CodeScore.ICD10CM, CodeScore.ICD10PCS)) {
                List<CodeScore> ofSystem = scores.stream().filter(s -> s.system().equals(system)).toList();
                List<String> labels = ofSystem.stream().map(s -> CodeLabels.label(system, s.code())).toList();
                double[] values = ofSystem.stream().mapToDouble(CodeScore::score).toArray();
                Set<String> gold = document.labels().stream().filter(l -> CodeLabels.system(l).equals(system))
                        .collect(Collectors.toSet());
                Set<String> knownGold = gold.stream().filter(known::contains).collect(Collectors.toSet());
                bySystem.computeIfAbsent(system, k -> new ArrayList<>()).add(new RankingMetrics.Ranked(labels, values, gold));
                inVocabulary.computeIfAbsent(system, k -> new ArrayList<>()).add(new RankingMetrics.Ranked(labels, values, knownGold));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String system : List.of(CodeScore.ICD10CM, CodeScore.ICD10PCS)) {
            RankingMetrics.PrF best = RankingMetrics.bestMicro(bySystem.get(system));
            lines.add(String.format(Locale.ROOT,
                    "%s %s %s: best-threshold %.2f micro P %.3f R %.3f F1 %.3f | MAP %.3f (all gold) %.3f (gold codes the model knows)",
                    split, language, system, best.threshold(), best.precision(), best.recall(), best.f1(),
                    RankingMetrics.meanAveragePrecision(bySystem.get(system)),
                    RankingMetrics.meanAveragePrecision(inVocabulary.get(system))));
        }
        return lines;
    }

    private static void writeModelCard(Path out, String language, List<String> splits,
                                       ClassifierTrainer.Settings settings, ClassifierTrainer.TrainedClassifier trained,
                                       List<String> report) throws IOException {
        long cm = trained.labels().stream().filter(l -> CodeLabels.system(l).equals(CodeScore.ICD10CM)).count();
        String card = String.join("\n",
                "# Model card: " + out.getFileName(),
                "",
                "- Task: document-level multi-label ICD-10-CM / ICD-10-PCS code scoring (one input to the ranker).",
                "- Language: " + language + (language.equals("en") ? " (CodiEsp English machine translations)" : " (CodiEsp Spanish originals)"),
                "- Data: CodiEsp v4 (Miranda-Escalada et al., CLEF eHealth 2020), CC BY 4.0; splits: " + String.join(",", splits),
                "- Labels: codes in at least " + settings.minLabelDocs() + " training documents: " + cm + " ICD-10-CM, "
                        + (trained.labels().size() - cm) + " ICD-10-PCS.",
                "- Features: folded word uni/bigrams and character 3-5-grams, FNV-1a hashed into " + settings.hashBuckets()
                        + " buckets, counts / document L2 norm; the " + settings.featuresPerLabel()
                        + " buckets per label whose presence rate most exceeds the overall rate: " + trained.featureCount() + " columns.",
                "- Model: Tribuo 4.3.2 multi-label linear SGD, binary cross-entropy, AdaGrad lr " + settings.learningRate()
                        + ", " + settings.epochs() + " epochs, seed " + settings.seed() + "; exported to ONNX (sigmoid outputs).",
                "- Version: 1 (OpenCAC 0.1.0).",
                "- Evaluation (model trained on the splits above only; scored with ONNX Runtime):",
                report.isEmpty() ? "  - none run" : report.stream().map(l -> "  - " + l).collect(Collectors.joining("\n")),
                "- Retrain: `java -cp ... org.opencac.nlp.classify.tools.TrainDocumentClassifier --gold <codiesp> --lang "
                        + language + " --splits " + String.join(",", splits) + " --out <file.onnx> --eval dev`",
                "");
        Path cardFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.onnx$", "") + ".md");
        Files.writeString(cardFile, card, StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return value;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }
}
