package org.opencac.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    private CodingEngine(EngineConfig config, Map<Language, Pipeline> pipelines) {
        this.config = config;
        this.pipelines = pipelines;
    }

    /** The engine on bundled dictionaries and models with default settings. Takes a few seconds. */
    public static CodingEngine createDefault() {
        return create(EngineConfig.defaults());
    }

    public static CodingEngine create(EngineConfig config) {
        Dictionaries dictionaries = Dictionaries.loadBundled();
        Map<Language, Pipeline> pipelines = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            pipelines.put(language, new Pipeline(stagesFor(language, dictionaries, config)));
        }
        return new CodingEngine(config, pipelines);
    }

    /** The stages in order; {@link Pipeline} checks at construction that each one's inputs come earlier. */
    static List<Stage> stagesFor(Language language, Dictionaries dictionaries, EngineConfig config) {
        String lang = language.code();
        TextModels models = TextModels.forLanguage(lang);
        return List.of(
                new SentenceStage(models.sentenceDetector()),
                new TokenStage(models.tokenizer()),
                new SectionStage(SectionDetectors.forLanguage(lang)),
                new DictionaryStage(dictionaries, lang, config.defaultDateOfService()),
                new ContextStage(ConText.forLanguage(lang)),
                new SuggestionStage(dictionaries, config.codeUncertainForInpatients(), config.defaultDateOfService()),
                new org.opencac.core.rules.CodingRulesStage(dictionaries, config.defaultDateOfService(), config.threshold()));
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

    public EngineConfig config() {
        return config;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
