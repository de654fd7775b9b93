package org.opencac.nlp.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/** Entry point to the sentence and token models of one language. Instances are immutable and thread-safe. */
public final class TextModels {
    /** Class-path folder of our trained models: {@code <lang>-sent.bin} and {@code <lang>-token.bin}. */
    public static final String MODEL_FOLDER = "/org/opencac/nlp/models/";
    /** OpenNLP's stock English models, inside the opennlp-models-*-en 1.3.0 jars. */
    static final String STOCK_SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String STOCK_TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private static final Map<String, TextModels> BUNDLED = new ConcurrentHashMap<>();
    private static volatile TextModels stock;

    private final SentenceDetector sentenceDetector;
    private final Tokenizer tokenizer;

    private TextModels(SentenceDetector sentenceDetector, Tokenizer tokenizer) {
        this.sentenceDetector = sentenceDetector;
        this.tokenizer = tokenizer;
    }

    /** Our bundled models for "en" or "es"; loaded from the class path, never from the network; built once. */
    public static TextModels forLanguage(String language) {
        if (!language.equals("en") && !language.equals("es")) {
            throw new IllegalArgumentException("Unsupported language: " + language);
        }
        return BUNDLED.computeIfAbsent(language, lang -> clinical(lang,
                loadSentenceModel(MODEL_FOLDER + lang + "-sent.bin"),
                loadTokenizerModel(MODEL_FOLDER + lang + "-token.bin")));
    }

    /** OpenNLP's stock English models (UD English-EWT) without our clinical rules: the baseline. */
    public static TextModels openNlpStock() {
        TextModels models = stock;
        if (models == null) {
            synchronized (TextModels.class) {
                if (stock == null) {
                    stock = new TextModels(
                            new OpenNlpSentenceDetector(loadSentenceModel(STOCK_SENTENCE_MODEL)),
                            new OpenNlpTokenizer(loadTokenizerModel(STOCK_TOKEN_MODEL)));
                }
                models = stock;
            }
        }
        return models;
    }

    /** OpenNLP's stock English models inside our clinical rules: shows what the rules alone contribute. */
    public static TextModels openNlpStockWithClinicalRules() {
        return clinical("en", loadSentenceModel(STOCK_SENTENCE_MODEL), loadTokenizerModel(STOCK_TOKEN_MODEL));
    }

    /** Our clinical rules around the given models (e.g. freshly trained ones, for cross-validation). */
    public static TextModels clinical(String language, SentenceModel sentenceModel, TokenizerModel tokenizerModel) {
        Abbreviations abbreviations = Abbreviations.forLanguage(language);
        return new TextModels(new ClinicalSentenceDetector(sentenceModel, abbreviations),
                new ClinicalTokenizer(tokenizerModel, abbreviations));
    }

    /**
     * Our clinical rules around models read from files (e.g. a folder of freshly trained models). A missing or
     * unreadable file fails here, with a message naming it, so an engine built on it refuses to start.
     */
    public static TextModels fromFiles(String language, Path sentenceModel, Path tokenizerModel) {
        return clinical(language, readModel(sentenceModel, "sentence", SentenceModel::new),
                readModel(tokenizerModel, "tokenizer", TokenizerModel::new));
    }

    /** Reads one model from a stream. */
    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M readModel(Path file, String kind, ModelReader<M> reader) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + kind + " model file: " + file);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Corrupt or unreadable " + kind + " model file: " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    public SentenceDetector sentenceDetector() {
        return sentenceDetector;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    private static SentenceModel loadSentenceModel(String resource) {
        try (InputStream in = open(resource)) {
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + resource, e);
        }
    }

    private static TokenizerModel loadTokenizerModel(String resource) {
        try (InputStream in = open(resource)) {
            return new TokenizerModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = TextModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Model resource missing from the class path: " + resource);
        }
        return in;
    }
}
