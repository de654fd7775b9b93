package org.opencac.eval.terms;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Codes;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.TermSources;
import org.opencac.dictionaries.match.Language;
import org.opencac.nlp.align.Bead;
import org.opencac.nlp.align.ParallelDocument;
import org.opencac.nlp.align.SentenceAligner;
import org.opencac.nlp.align.SentenceSplitter;
import org.opencac.nlp.align.TextFolding;
import org.opencac.nlp.align.WordTranslationModel;
import org.opencac.nlp.classify.tools.CodiEspCorpus;

/**
 * Offline tool: writes Spanish terms for ICD-10-CM / ICD-10-PCS codes by translating the official English terms
 * (order-file titles, Tabular inclusion terms, Alphabetic Index, PCS index and short titles) word by word
 * ({@link TermTranslator}). The word lexicon is learned on the CodiEsp TRAIN parallel text only; Spanish words are
 * attested in the train Spanish notes and, optionally, the unlabeled CodiEsp background notes. No dev data.
 *
 * <pre>TranslateIcdTerms --gold ../shared/gold/codiesp --out FILE.tsv.gz [--background background.tar.gz]
 *     [--date 2018-06-01] [--unseen-only true] [--systems cm,pcs] [--spot-check 20]</pre>
 * Output: {@code system<TAB>code<TAB>spanish term<TAB>count} (count = English terms of the code that gave this
 * Spanish term), the learned-terms format read by {@code LearnedTermsReader}, sorted so the file is reproducible.
 */
public final class TranslateIcdTerms {
    private static final int EM_ITERATIONS = 8;

    private TranslateIcdTerms() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("gold") || !options.containsKey("out")) {
            System.err.println("usage: TranslateIcdTerms --gold DIR --out FILE.tsv.gz [--background FILE.tar.gz]"
                    + " [--date 2018-06-01] [--unseen-only true|false] [--systems cm,pcs] [--spot-check 20]");
            System.exit(2);
        }
        Path gold = Path.of(options.get("gold"));
        Path out = Path.of(options.get("out"));
        LocalDate date = LocalDate.parse(options.getOrDefault("date", "2018-06-01"));
        boolean unseenOnly = Boolean.parseBoolean(options.getOrDefault("unseen-only", "false"));
        Set<String> systems = Set.of(options.getOrDefault("systems", "cm,pcs").split(","));

        List<CodiEspCorpus.Document> train = CodiEspCorpus.documents(gold, "train");
        SpanishVocabulary vocabulary = new SpanishVocabulary();
        train.forEach(document -> vocabulary.addText(document.spanish()));
        int background = 0;
        if (options.containsKey("background")) {
            background = addBackground(Path.of(options.get("background")), vocabulary);
        }
        System.out.printf(Locale.ROOT, "Spanish vocabulary: %d word keys from %d train and %d background notes%n",
                vocabulary.size(), train.size(), background);

        TermTranslator translator = new TermTranslator(Map.of());
        List<WordTranslationModel.SentencePair> pairs = sentencePairs(train, vocabulary, translator);
        Map<String, Integer> englishCounts = new HashMap<>();
        pairs.forEach(pair -> pair.source().forEach(word -> englishCounts.merge(word, 1, Integer::sum)));
        WordTranslationModel forward = WordTranslationModel.train(pairs, EM_ITERATIONS);
        List<WordTranslationModel.SentencePair> reversed = pairs.stream()
                .map(pair -> new WordTranslationModel.SentencePair(pair.target(), pair.source())).toList();
        WordTranslationModel reverse = WordTranslationModel.train(reversed, EM_ITERATIONS);
        System.out.printf(Locale.ROOT, "aligned sentence pairs: %d; English word keys: %d%n", pairs.size(),
                englishCounts.size());

        for (String word : options.getOrDefault("debug-words", "").split(",")) {
            if (!word.isEmpty()) {
                String key = translator.englishKey(word);
                System.out.println("DEBUG " + key + " n=" + englishCounts.getOrDefault(key, 0) + " "
                        + forward.translationsOf(key).entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                        .map(e -> String.format(Locale.ROOT, "%s:%.2f/%.2f", e.getKey(), e.getValue(),
                                reverse.translationProbability(e.getKey(), key))).toList());
            }
        }
        Set<String> trainCodes = unseenOnly ? trainCodes(gold) : Set.of();
        List<DictionaryTerm> englishTerms = new ArrayList<>();
        for (Map.Entry<DictionaryTerm, String> entry : Dictionaries.loadBundled().terms(Language.EN, date)) {
            DictionaryTerm term = entry.getKey();
            boolean wanted = (term.system() == CodeSystem.ICD10CM && systems.contains("cm"))
                    || (term.system() == CodeSystem.ICD10PCS && systems.contains("pcs"));
            if (wanted && TermSources.isOfficial(term.source())
                    && !trainCodes.contains(term.system().displayName() + '|' + term.code())) {
                englishTerms.add(term);
            }
        }

        Map<String, List<String>> lexicon = new HashMap<>();
        for (DictionaryTerm term : englishTerms) {
            for (String word : translator.contentWords(term.text())) {
                lexicon.computeIfAbsent(word, w -> TermTranslator.translations(w, forward, reverse,
                        englishCounts.getOrDefault(w, 0), vocabulary));
            }
        }
        TermTranslator lexiconTranslator = new TermTranslator(lexicon);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> exampleSource = new HashMap<>();
        Map<String, Integer> missingWords = new HashMap<>();
        Set<String> codesDone = new HashSet<>();
        int translated = 0;
        for (DictionaryTerm term : englishTerms) {
            List<String> spanish = lexiconTranslator.translate(term.text());
            if (spanish.isEmpty()) {
                for (String word : translator.contentWords(term.text())) {
                    if (lexicon.getOrDefault(word, List.of()).isEmpty() && !TermTranslator.isPassThrough(word)) {
                        missingWords.merge(word, 1, Integer::sum);
                    }
                }
                continue;
            }
            translated++;
            codesDone.add(term.system().displayName() + '|' + term.code());
            for (String phrase : spanish) {
                String key = term.system().displayName() + '\t' + term.code() + '\t' + phrase;
                counts.merge(key, 1, Integer::sum);
                exampleSource.putIfAbsent(key, term.text());
            }
        }
        write(out, counts, unseenOnly);
        long lexiconWords = lexicon.values().stream().filter(list -> !list.isEmpty()).count();
        System.out.printf(Locale.ROOT, "English terms %d; translated %d (%.1f%%); codes %d; Spanish (code, term) rows %d;"
                        + " lexicon %d of %d words%n", englishTerms.size(), translated,
                100.0 * translated / Math.max(1, englishTerms.size()), codesDone.size(), counts.size(), lexiconWords,
                lexicon.size());
        System.out.println("most frequent untranslatable words: " + missingWords.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                .map(e -> e.getKey() + ":" + e.getValue()).toList());

        int spotCheck = Integer.parseInt(options.getOrDefault("spot-check", "0"));
        List<String> keys = new ArrayList<>(counts.keySet());
        Collections.shuffle(keys, new Random(11));
        for (String key : keys.subList(0, Math.min(spotCheck, keys.size()))) {
            String[] f = key.split("\t");
            System.out.println("SPOT\t" + f[0] + '\t' + f[1] + '\t' + exampleSource.get(key) + '\t' + f[2]);
        }
    }

    /** Adds the Spanish notes (text_files/*.txt) of the CodiEsp background archive; returns how many. */
    static int addBackground(Path archive, SpanishVocabulary vocabulary) throws IOException {
        int notes = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().contains("/text_files/") && entry.getName().endsWith(".txt")) {
                    vocabulary.addText(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                    notes++;
                }
            }
        }
        return notes;
    }

    /** Aligned sentence pairs of the train notes as (English word keys, Spanish word keys). */
    private static List<WordTranslationModel.SentencePair> sentencePairs(List<CodiEspCorpus.Document> documents,
                                                                          SpanishVocabulary vocabulary,
                                                                          TermTranslator english) {
        long spanishChars = documents.stream().mapToLong(d -> d.spanish().replaceAll("\\s", "").length()).sum();
        long englishChars = documents.stream().mapToLong(d -> d.english().replaceAll("\\s", "").length()).sum();
        SentenceAligner aligner = new SentenceAligner((double) englishChars / spanishChars);
        SentenceSplitter splitter = new SentenceSplitter();
        List<WordTranslationModel.SentencePair> pairs = new ArrayList<>();
        for (CodiEspCorpus.Document document : documents) {
            if (document.english().isBlank()) {
                continue;
            }
            ParallelDocument aligned = ParallelDocument.align(document.spanish(), document.english(), splitter, aligner);
            for (Bead bead : aligned.beads()) {
                if (bead.sourceCount() == 0 || bead.targetCount() == 0) {
                    continue;
                }
                int spanishStart = aligned.spanishSentences().get(bead.sourceStart()).start();
                int spanishEnd = aligned.spanishSentences().get(bead.sourceEnd() - 1).end();
                int englishStart = aligned.englishLines().get(bead.targetStart()).start();
                int englishEnd = aligned.englishLines().get(bead.targetEnd() - 1).end();
                List<String> englishWords = new ArrayList<>();
                for (TextFolding.Token token : TextFolding.tokens(aligned.english(), englishStart, englishEnd)) {
                    englishWords.add(english.englishKey(token.span().of(aligned.english())));
                }
                List<String> spanishWords = vocabulary.keys(aligned.spanish().substring(spanishStart, spanishEnd));
                pairs.add(new WordTranslationModel.SentencePair(englishWords, spanishWords));
            }
        }
        return pairs;
    }

    /** "ICD-10-CM|A41.9"-style keys of every code in the train D and P files. */
    private static Set<String> trainCodes(Path gold) throws IOException {
        Set<String> codes = new HashSet<>();
        Path dir = CodiEspCorpus.splitsRoot(gold).resolve("train");
        for (String track : List.of("D", "P")) {
            CodeSystem system = track.equals("D") ? CodeSystem.ICD10CM : CodeSystem.ICD10PCS;
            for (String line : Files.readAllLines(dir.resolve("train" + track + ".tsv"), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length >= 2) {
                    codes.add(system.displayName() + '|' + Codes.canonical(system, fields[1].strip()));
                }
            }
        }
        return codes;
    }

    private static void write(Path out, Map<String, Integer> counts, boolean unseenOnly) throws IOException {
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream raw = Files.newOutputStream(out);
             OutputStream stream = out.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            writer.write("# OpenCAC Spanish terms translated word by word from official ICD-10-CM/PCS English terms"
                    + " (CMS/NCHS, public domain) with a lexicon learned on CodiEsp train (CC BY 4.0)"
                    + (unseenOnly ? "; codes absent from CodiEsp train only" : "") + "\n");
            writer.write("# system\tcode\tterm\tcount\n");
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                writer.write(entry.getKey() + '\t' + entry.getValue() + '\n');
            }
        }
    }
}
