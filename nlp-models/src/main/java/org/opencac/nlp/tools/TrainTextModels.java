package org.opencac.nlp.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.opencac.nlp.corpus.AlignedDocument;
import org.opencac.nlp.corpus.ConlluReader;
import org.opencac.nlp.corpus.ConlluSentence;
import org.opencac.nlp.corpus.CraftReader;

/**
 * Trains our sentence and token models.
 * <pre>
 * TrainTextModels --lang en --gold &lt;craft dir&gt; --out &lt;dir&gt;        (CRAFT train split)
 * TrainTextModels --lang es --gold &lt;ud_spanish dir&gt; --out &lt;dir&gt;   (every *.conllu in the folder)
 * </pre>
 * Writes {@code <lang>-sent.bin} and {@code <lang>-token.bin}; copy them to
 * {@code nlp-models/src/main/resources/org/opencac/nlp/models/} to ship them.
 */
public final class TrainTextModels {
    private TrainTextModels() {
    }

    public static void main(String[] args) throws IOException {
        String language = option(args, "--lang");
        Path gold = Path.of(option(args, "--gold"));
        Path out = Path.of(option(args, "--out"));
        List<AlignedDocument> documents = switch (language) {
            case "en" -> CraftReader.readSplit(gold, "train");
            case "es" -> TextModelTraining.pseudoDocuments(readSpanish(gold), CrossValidation.SENTENCES_PER_DOCUMENT);
            default -> throw new IllegalArgumentException("--lang must be en or es");
        };
        int sentences = documents.stream().mapToInt(d -> d.sentences().size()).sum();
        int tokens = documents.stream().mapToInt(d -> d.tokens().size()).sum();
        int unaligned = documents.stream().mapToInt(AlignedDocument::unalignedSentences).sum();
        System.out.printf("%s: %d documents, %d sentences (%d unaligned, skipped), %d tokens%n",
                language, documents.size(), sentences, unaligned, tokens);
        Files.createDirectories(out);
        SentenceModel sentenceModel =
                TextModelTraining.trainSentenceModel(language, TextModelTraining.sentenceSamples(documents));
        write(sentenceModel::serialize, out.resolve(language + "-sent.bin"));
        TokenizerModel tokenizerModel =
                TextModelTraining.trainTokenizerModel(language, TextModelTraining.tokenSamples(documents));
        write(tokenizerModel::serialize, out.resolve(language + "-token.bin"));
        System.out.println("Wrote " + out.resolve(language + "-sent.bin") + " and " + out.resolve(language + "-token.bin"));
    }

    /** Every sentence of every {@code *.conllu} file in the folder, files in name order. */
    static List<ConlluSentence> readSpanish(Path folder) throws IOException {
        List<ConlluSentence> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conllu")).sorted().toList()) {
                sentences.addAll(ConlluReader.read(file));
            }
        }
        return sentences;
    }

    private interface Serializer {
        void serialize(OutputStream out) throws IOException;
    }

    private static void write(Serializer serializer, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            serializer.serialize(out);
        }
    }

    static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("Missing option " + name);
    }
}
