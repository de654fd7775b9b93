package org.opencac.nlp.align.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.opencac.nlp.align.Bead;
import org.opencac.nlp.align.ParallelDocument;
import org.opencac.nlp.align.PhraseProjector;
import org.opencac.nlp.align.SentenceAligner;
import org.opencac.nlp.align.SentenceSplitter;
import org.opencac.nlp.align.TextFolding;
import org.opencac.nlp.align.WordTranslationModel;
import org.opencac.nlp.classify.CodeLabels;
import org.opencac.nlp.classify.CodeScore;
import org.opencac.nlp.classify.tools.CodiEspCorpus;
import org.opencac.nlp.text.TextSpan;

/**
 * Projects the Spanish CodiEsp-X evidence onto the English machine translations and writes the English terms
 * learned that way: aligns sentences, trains IBM Model 1 on the aligned pairs, then finds each evidence phrase's
 * English window.
 *
 * <pre>ProjectEvidence --gold DIR --splits train --out FILE.tsv.gz [--spot-check 20] [--eval dev]
 *     [--min-count 1] [--min-precision 0.3]</pre>
 * Output rows: system, code, English term, count, source.
 */
public final class ProjectEvidence {
    static final String SOURCE = "codiesp-train-en-projected";
    private static final int EM_ITERATIONS = 8;

    /** One learned term. */
    record Term(String system, String code, String term) {
    }

    private ProjectEvidence() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path gold = Path.of(options.get("gold"));
        Path out = Path.of(options.get("out"));
        List<String> splits = List.of(options.getOrDefault("splits", "train").split(","));

        List<CodiEspCorpus.Document> documents = new ArrayList<>();
        Map<String, List<CodiEspCorpus.Evidence>> evidence = new HashMap<>();
        for (String split : splits) {
            documents.addAll(CodiEspCorpus.documents(gold, split));
            evidence.putAll(CodiEspCorpus.evidence(gold, split));
        }
        List<ParallelDocument> aligned = alignAll(documents);
        WordTranslationModel model = WordTranslationModel.train(sentencePairs(aligned), EM_ITERATIONS);
        PhraseProjector projector = new PhraseProjector(model);

        Map<Term, Integer> counts = new HashMap<>();
        List<String[]> samples = new ArrayList<>();
        int rows = 0;
        int projected = 0;
        for (int d = 0; d < documents.size(); d++) {
            ParallelDocument document = aligned.get(d);
            for (CodiEspCorpus.Evidence row : evidence.getOrDefault(documents.get(d).id(), List.of())) {
                rows++;
                Optional<String> term = project(row, document, projector);
                if (term.isPresent()) {
                    projected++;
                    counts.merge(new Term(row.system(), row.code(), term.get()), 1, Integer::sum);
                    samples.add(new String[] {row.system(), row.code(), row.text(), term.get()});
                }
            }
        }
        System.out.printf(Locale.ROOT, "evidence rows %d, projected %d (%.1f%%), distinct terms %d%n",
                rows, projected, 100.0 * projected / rows, counts.size());
        write(out, counts);

        int spotCheck = Integer.parseInt(options.getOrDefault("spot-check", "0"));
        Collections.shuffle(samples, new Random(7));
        for (String[] sample : samples.subList(0, Math.min(spotCheck, samples.size()))) {
            System.out.println("SPOT\t" + String.join("\t", sample));
        }
        if (options.containsKey("eval")) {
            evaluateLookup(counts, documents, CodiEspCorpus.documents(gold, options.get("eval")),
                    Integer.parseInt(options.getOrDefault("min-count", "1")),
                    Double.parseDouble(options.getOrDefault("min-precision", "0")));
        }
    }

    private static List<ParallelDocument> alignAll(List<CodiEspCorpus.Document> documents) {
        long spanishChars = documents.stream().mapToLong(d -> d.spanish().replaceAll("\\s", "").length()).sum();
        long englishChars = documents.stream().mapToLong(d -> d.english().replaceAll("\\s", "").length()).sum();
        double ratio = (double) englishChars / spanishChars;
        SentenceAligner aligner = new SentenceAligner(ratio);
        SentenceSplitter splitter = new SentenceSplitter();
        List<ParallelDocument> aligned = documents.stream()
                .map(d -> ParallelDocument.align(d.spanish(), d.english(), splitter, aligner)).toList();

        int sameCount = 0;
        int allOneToOne = 0;
        long sentences = 0;
        long sentencesOneToOne = 0;
        long sentencesUnaligned = 0;
        long lines = 0;
        Map<String, Integer> beadTypes = new HashMap<>();
        for (ParallelDocument document : aligned) {
            sentences += document.spanishSentences().size();
            lines += document.englishLines().size();
            if (document.spanishSentences().size() == document.englishLines().size()) {
                sameCount++;
            }
            boolean oneToOne = true;
            for (Bead bead : document.beads()) {
                beadTypes.merge(bead.sourceCount() + "-" + bead.targetCount(), 1, Integer::sum);
                oneToOne &= bead.sourceCount() == 1 && bead.targetCount() == 1;
                if (bead.sourceCount() == 1 && bead.targetCount() == 1) {
                    sentencesOneToOne++;
                }
                if (bead.targetCount() == 0) {
                    sentencesUnaligned += bead.sourceCount();
                }
            }
            allOneToOne += oneToOne ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "length ratio en/es %.3f; docs %d; es sentences %d, en lines %d%n",
                ratio, aligned.size(), sentences, lines);
        System.out.printf(Locale.ROOT, "docs whose sentence count equals the line count: %d (%.1f%%); docs aligned all 1-1: %d (%.1f%%)%n",
                sameCount, 100.0 * sameCount / aligned.size(), allOneToOne, 100.0 * allOneToOne / aligned.size());
        System.out.printf(Locale.ROOT, "es sentences in 1-1 beads %.1f%%, with an English counterpart %.1f%%; beads by type %s%n",
                100.0 * sentencesOneToOne / sentences, 100.0 * (sentences - sentencesUnaligned) / sentences,
                new java.util.TreeMap<>(beadTypes));
        return aligned;
    }

    private static List<WordTranslationModel.SentencePair> sentencePairs(List<ParallelDocument> aligned) {
        List<WordTranslationModel.SentencePair> pairs = new ArrayList<>();
        for (ParallelDocument document : aligned) {
            for (Bead bead : document.beads()) {
                if (bead.sourceCount() == 0 || bead.targetCount() == 0) {
                    continue;
                }
                int sourceStart = document.spanishSentences().get(bead.sourceStart()).start();
                int sourceEnd = document.spanishSentences().get(bead.sourceEnd() - 1).end();
                int targetStart = document.englishLines().get(bead.targetStart()).start();
                int targetEnd = document.englishLines().get(bead.targetEnd() - 1).end();
                pairs.add(new WordTranslationModel.SentencePair(
                        folded(document.spanish(), sourceStart, sourceEnd),
                        folded(document.english(), targetStart, targetEnd)));
            }
        }
        return pairs;
    }

    private static List<String> folded(String text, int start, int end) {
        return TextFolding.tokens(text, start, end).stream().map(TextFolding.Token::folded).toList();
    }

    /** The English term for one evidence row, lower-cased with single spaces. */
    static Optional<String> project(CodiEspCorpus.Evidence row, ParallelDocument document, PhraseProjector projector) {
        int start = row.spans().stream().mapToInt(TextSpan::start).min().orElseThrow();
        int end = row.spans().stream().mapToInt(TextSpan::end).max().orElseThrow();
        if (end > document.spanish().length()) {
            return Optional.empty();
        }
        List<String> spanishWords = new ArrayList<>();
        for (TextSpan span : row.spans()) {
            spanishWords.addAll(folded(document.spanish(), span.start(), span.end()));
        }
        return document.englishRangeFor(new TextSpan(start, end))
                .flatMap(range -> projector.project(spanishWords, document.english(), range.start(), range.end()))
                .map(span -> cleanTerm(span.of(document.english())));
    }

    /** Lower-case, brackets dropped (a window may start or end inside "[mri]"), single spaces. */
    static String cleanTerm(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[\\[\\](){}]", " ").replaceAll("\\s+", " ").trim();
    }

    private static void write(Path out, Map<Term, Integer> counts) throws IOException {
        List<Map.Entry<Term, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<Term, Integer> e) -> e.getKey().system())
                .thenComparing(e -> e.getKey().code())
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().term()));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
            for (Map.Entry<Term, Integer> entry : entries) {
                Term term = entry.getKey();
                writer.write(term.system() + "\t" + term.code() + "\t" + term.term() + "\t" + entry.getValue() + "\t" + SOURCE + "\n");
            }
        }
    }

    /**
     * Exact lower-case word-boundary lookup of the learned ICD-10-CM terms in English texts: micro P/R/F1 of the
     * document code sets against the gold D codes. Terms can be filtered by count and by their precision on the
     * training documents (never on the evaluated ones).
     */
    private static void evaluateLookup(Map<Term, Integer> counts, List<CodiEspCorpus.Document> training,
                                       List<CodiEspCorpus.Document> evaluated, int minCount, double minPrecision) {
        Map<List<String>, Set<String>> all = new HashMap<>();
        counts.forEach((term, count) -> {
            if (term.system().equals(CodeScore.ICD10CM) && count >= minCount) {
                all.computeIfAbsent(words(term.term()), k -> new HashSet<>()).add(CodeLabels.label(term.system(), term.code()));
            }
        });
        Map<List<String>, Set<String>> kept = new HashMap<>();
        Map<String, int[]> hitsByPair = new HashMap<>();
        for (CodiEspCorpus.Document document : training) {
            for (Map.Entry<List<String>, Set<String>> match : matches(all, document.english()).entrySet()) {
                for (String label : match.getValue()) {
                    int[] hits = hitsByPair.computeIfAbsent(match.getKey() + "\u0000" + label, k -> new int[2]);
                    hits[0]++;
                    hits[1] += document.labels().contains(label) ? 1 : 0;
                }
            }
        }
        all.forEach((words, labels) -> labels.forEach(label -> {
            int[] hits = hitsByPair.getOrDefault(words + "\u0000" + label, new int[2]);
            if (hits[0] > 0 && (double) hits[1] / hits[0] >= minPrecision) {
                kept.computeIfAbsent(words, k -> new HashSet<>()).add(label);
            }
        }));
        long truePositives = 0;
        long predicted = 0;
        long gold = 0;
        for (CodiEspCorpus.Document document : evaluated) {
            Set<String> predictedLabels = matches(kept, document.english()).values().stream()
                    .flatMap(Set::stream).collect(Collectors.toSet());
            Set<String> goldLabels = document.labels().stream()
                    .filter(l -> CodeLabels.system(l).equals(CodeScore.ICD10CM)).collect(Collectors.toSet());
            predicted += predictedLabels.size();
            gold += goldLabels.size();
            truePositives += predictedLabels.stream().filter(goldLabels::contains).count();
        }
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = (double) truePositives / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf(Locale.ROOT,
                "exact lookup of %d ICD-10-CM terms (min count %d, train precision >= %.2f): P %.3f R %.3f F1 %.3f%n",
                kept.values().stream().mapToInt(Set::size).sum(), minCount, minPrecision, precision, recall, f1);
    }

    private static List<String> words(String text) {
        return TextFolding.tokens(text.toLowerCase(Locale.ROOT)).stream()
                .map(t -> t.span().of(text.toLowerCase(Locale.ROOT))).toList();
    }

    /** Terms found in the text as whole-word lower-case sequences, with their labels. */
    private static Map<List<String>, Set<String>> matches(Map<List<String>, Set<String>> terms, String text) {
        int longest = terms.keySet().stream().mapToInt(List::size).max().orElse(0);
        List<String> tokens = words(text);
        Map<List<String>, Set<String>> found = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int n = 1; n <= longest && i + n <= tokens.size(); n++) {
                List<String> window = tokens.subList(i, i + n);
                Set<String> labels = terms.get(window);
                if (labels != null) {
                    found.put(List.copyOf(window), labels);
                }
            }
        }
        return found;
    }
}
