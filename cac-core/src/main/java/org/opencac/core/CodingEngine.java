package org.opencac.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Pipeline;
import org.opencac.core.pipeline.Stage;
import org.opencac.core.stages.ContextStage;
import org.opencac.core.stages.DictionaryStage;
import org.opencac.core.stages.SectionStage;
import org.opencac.core.stages.SentenceStage;
import org.opencac.core.stages.SuggestionStage;
import org.opencac.core.stages.TokenStage;
import org.opencac.core.stages.ValidityRuleStage;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.nlp.context.ConText;
import org.opencac.nlp.sections.SectionDetectors;
import org.opencac.nlp.text.TextModels;

/**
 * The coding pipeline with its bundled dictionaries and models, built once and shared by all threads: one
 * {@link Pipeline} per language, all over the same dictionaries.
 */
public final class CodingEngine implements NoteCoder {
    private static final String VERSION = "opencac-0.1.0";

    private final EngineConfig config;
    private final Map<Language, Pipeline> pipelines;
    private final Dictionaries dictionaries;

    private CodingEngine(EngineConfig config, Map<Language, Pipeline> pipelines, Dictionaries dictionaries) {
        this.config = config;
        this.pipelines = pipelines;
        this.dictionaries = dictionaries;
    }

    /** The engine on bundled dictionaries and models with default settings. Takes a few seconds. */
    public static CodingEngine createDefault() {
        return create(EngineConfig.defaults());
    }

    public static CodingEngine create(EngineConfig config) {
        return create(config, Dictionaries.loadBundled());
    }

    /** An engine over dictionaries the caller already holds (the service shares them with its vocabulary API). */
    public static CodingEngine create(EngineConfig config, Dictionaries dictionaries) {
        Map<Language, Pipeline> pipelines = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            pipelines.put(language, new Pipeline(stagesFor(language, dictionaries, config)));
            // Matchers are built on first use; build the default release's now so no note waits for it.
            dictionaries.matcher(language.code(), config.defaultDateOfService());
        }
        return new CodingEngine(config, pipelines, dictionaries);
    }

    /**
     * An engine whose sentence and token models are read from {@code modelDirectory} ({@code <lang>-sent.bin},
     * {@code <lang>-token.bin}, as written by {@code cac train text}) instead of the bundled ones. A missing or
     * corrupt model file makes this fail with a message naming the file: the engine refuses to start.
     */
    public static CodingEngine create(EngineConfig config, Dictionaries dictionaries, Path modelDirectory) {
        Map<Language, TextModels> models = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String lang = language.code();
            models.put(language, TextModels.fromFiles(lang, modelDirectory.resolve(lang + "-sent.bin"),
                    modelDirectory.resolve(lang + "-token.bin")));
        }
        return create(config, dictionaries, models::get);
    }

    private static CodingEngine create(EngineConfig config, Dictionaries dictionaries,
                                       Function<Language, TextModels> models) {
        Map<Language, Pipeline> pipelines = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            pipelines.put(language, new Pipeline(stagesFor(language, dictionaries, config, models.apply(language))));
            dictionaries.matcher(language.code(), config.defaultDateOfService());
        }
        return new CodingEngine(config, pipelines, dictionaries);
    }

    /** The stages in order; {@link Pipeline} checks at construction that each one's inputs come earlier. */
    static List<Stage> stagesFor(Language language, Dictionaries dictionaries, EngineConfig config) {
        return stagesFor(language, dictionaries, config, TextModels.forLanguage(language.code()));
    }

    private static List<Stage> stagesFor(Language language, Dictionaries dictionaries, EngineConfig config,
                                         TextModels models) {
        String lang = language.code();
        return List.of(
                new SentenceStage(models.sentenceDetector()),
                new TokenStage(models.tokenizer()),
                new SectionStage(SectionDetectors.forLanguage(lang)),
                new DictionaryStage(dictionaries, lang, config.defaultDateOfService()),
                new ContextStage(ConText.forLanguage(lang)),
                new SuggestionStage(dictionaries, config.codeUncertainForInpatients(), config.defaultDateOfService()),
                new ValidityRuleStage(dictionaries, config.defaultDateOfService()));
    }

    @Override
    public CodingResult code(Note note) {
        AnalyzedNote analyzed = pipelines.get(note.language()).run(note);
        List<CodeSuggestion> ranked = analyzed.suggestions();
        List<CodeSuggestion> above = new ArrayList<>();
        for (CodeSuggestion suggestion : ranked) {
            if (suggestion.confidence() >= config.threshold()) {
                above.add(suggestion);
            }
        }
        return new CodingResult(above, ranked, analyzed.mentions(), analyzed);
    }

    public Pipeline pipeline(Language language) {
        return pipelines.get(language);
    }

    public Dictionaries dictionaries() {
        return dictionaries;
    }

    public EngineConfig config() {
        return config;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
