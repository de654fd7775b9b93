package org.opencac.dictionaries.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opencac.dictionaries.CodeRelease;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Codes;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermMatch;
import org.opencac.dictionaries.TermMatcher;
import org.opencac.dictionaries.match.Language;
import org.opencac.dictionaries.match.PhraseMatcher;
import org.opencac.dictionaries.match.SimpleTokenizer;

/**
 * Prints dictionary figures: codes and terms per code set and release, load time, heap, matcher
 * throughput over a folder of texts, and (with --gold) candidate recall and precision on CodiEsp.
 * <pre>
 * DictionaryStats [--texts DIR] [--lang es|en] [--date YYYY-MM-DD] [--gold CODIESP_SPLIT_DIR] [--split dev]
 * </pre>
 * Only counts are printed, never note text.
 */
public final class DictionaryStats {

    private DictionaryStats() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Cli.options(args);
        LocalDate date = options.containsKey("date") ? LocalDate.parse(options.get("date")) : null;

        long before = usedHeap();
        long start = System.nanoTime();
        Dictionaries dictionaries = Dictionaries.loadBundled();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("load: %d ms%n", loadMillis);
        for (CodeSystem system : CodeSystem.values()) {
            for (CodeRelease release : dictionaries.releases(system)) {
                System.out.printf("codes %-10s %-15s %7d (billable %d)%n", system.displayName(), release.name(),
                        release.size(), release.billableCount());
            }
        }
        for (Language language : Language.values()) {
            start = System.nanoTime();
            PhraseMatcher matcher = dictionaries.phraseMatcher(language, date);
            long buildMillis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Integer> bySource = new TreeMap<>();
            for (Map.Entry<DictionaryTerm, String> term : dictionaries.terms(language, date)) {
                bySource.merge(term.getKey().system().displayName() + " " + term.getValue() + " "
                        + term.getKey().source(), 1, Integer::sum);
            }
            System.out.printf("matcher %s (date %s): built in %d ms, %d phrases, %d words%n",
                    language, date == null ? "newest" : date, buildMillis, matcher.phraseCount(),
                    matcher.vocabularySize());
            bySource.forEach((key, count) -> System.out.printf("  terms %-50s %7d%n", key, count));
        }
        System.gc();
        System.out.printf("heap used with everything loaded: %d MB%n", (usedHeap() - before) / (1 << 20));

        if (options.containsKey("texts")) {
            Language language = Language.fromCode(options.getOrDefault("lang", "es"));
            throughput(dictionaries.matcher(language.name().toLowerCase(), date), Path.of(options.get("texts")));
        }
        if (options.containsKey("gold")) {
            Path split = Path.of(options.get("gold"));
            String name = options.getOrDefault("split", split.getFileName().toString());
            candidateQuality(dictionaries, date, split, name, "es", "text_files");
            candidateQuality(dictionaries, date, split, name, "en", "text_files_en");
        }
    }

    private static void throughput(TermMatcher matcher, Path folder) throws IOException {
        List<String> texts = readTexts(folder).values().stream().toList();
        List<SimpleTokenizer.Tokens> tokens = texts.stream().map(SimpleTokenizer::tokenize).toList();
        long mentions = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (int i = 0; i < texts.size(); i++) {
                matcher.match(texts.get(i), tokens.get(i).starts(), tokens.get(i).ends());
            }
        }
        int rounds = 5;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < texts.size(); i++) {
                mentions += matcher.match(texts.get(i), tokens.get(i).starts(), tokens.get(i).ends()).size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long chars = texts.stream().mapToLong(String::length).sum();
        int notes = rounds * texts.size();
        System.out.printf("throughput over %d texts (avg %d chars), one thread: wall %.0f notes/s, %.0f mentions/s, "
                        + "%.3f ms/note; CPU time %.0f notes/s, %.3f ms/note%n", texts.size(),
                chars / Math.max(1, texts.size()), notes / seconds, mentions / seconds, seconds * 1000 / notes,
                notes / cpuSeconds, cpuSeconds * 1000 / notes);
    }

    private static void candidateQuality(Dictionaries dictionaries, LocalDate date, Path split, String name,
                                         String language, String textFolder) throws IOException {
        Path folder = split.resolve(textFolder);
        if (!Files.isDirectory(folder)) {
            return;
        }
        Map<String, Set<String>> goldD = readGold(split.resolve(name + "D.tsv"), CodeSystem.ICD10CM);
        Map<String, Set<String>> goldP = readGold(split.resolve(name + "P.tsv"), CodeSystem.ICD10PCS);
        TermMatcher matcher = dictionaries.matcher(language, date);
        int[] d = new int[3]; // gold, found, predicted
        int[] p = new int[3];
        for (Map.Entry<String, String> doc : readTexts(folder).entrySet()) {
            String text = doc.getValue();
            SimpleTokenizer.Tokens tokens = SimpleTokenizer.tokenize(text);
            Set<String> predictedD = new HashSet<>();
            Set<String> predictedP = new HashSet<>();
            for (TermMatch match : matcher.match(text, tokens.starts(), tokens.ends())) {
                if (match.system() == CodeSystem.ICD10CM) {
                    predictedD.add(match.code());
                } else if (match.system() == CodeSystem.ICD10PCS) {
                    predictedP.add(match.code());
                }
            }
            count(goldD.getOrDefault(doc.getKey(), Set.of()), predictedD, d);
            count(goldP.getOrDefault(doc.getKey(), Set.of()), predictedP, p);
        }
        System.out.printf("candidates %s %s/%s: D recall %.3f precision %.3f (%d gold, %d predicted); "
                        + "P recall %.3f precision %.3f (%d gold, %d predicted)%n", name, language, textFolder,
                ratio(d[1], d[0]), ratio(d[1], d[2]), d[0], d[2], ratio(p[1], p[0]), ratio(p[1], p[2]), p[0], p[2]);
    }

    private static void count(Set<String> gold, Set<String> predicted, int[] counts) {
        counts[0] += gold.size();
        counts[2] += predicted.size();
        for (String code : gold) {
            if (predicted.contains(code)) {
                counts[1]++;
            }
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static Map<String, Set<String>> readGold(Path file, CodeSystem system) throws IOException {
        Map<String, Set<String>> gold = new HashMap<>();
        if (!Files.exists(file)) {
            return gold;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                gold.computeIfAbsent(fields[0], k -> new HashSet<>()).add(Codes.canonical(system, fields[1]));
            }
        }
        return gold;
    }

    private static Map<String, String> readTexts(Path folder) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> stream = Files.list(folder)) {
            stream.filter(p -> p.toString().endsWith(".txt")).forEach(files::add);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            texts.put(name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
