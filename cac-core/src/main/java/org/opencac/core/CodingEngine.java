package org.opencac.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Pipeline;
import org.opencac.core.pipeline.Stage;
import org.opencac.core.rank.ProjectedTerms;
import org.opencac.core.rank.Ranker;
import org.opencac.core.rank.RankerStage;
import org.opencac.core.stages.ContextStage;
import org.opencac.core.stages.DictionaryStage;
import org.opencac.core.stages.SectionStage;
import org.opencac.core.stages.SentenceStage;
import org.opencac.core.stages.ServiceCodeStage;
import org.opencac.core.stages.SuggestionStage;
import org.opencac.core.stages.TokenStage;
import org.opencac.core.rules.CodingRulesStage;
import org.opencac.dictionaries.CodeSystem;
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
    private final Map<Language, Ranker> rankers;
    private final Dictionaries dictionaries;

    private CodingEngine(EngineConfig config, Map<Language, Pipeline> pipelines, Map<Language, Ranker> rankers,
                         Dictionaries dictionaries) {
        this.config = config;
        this.pipelines = pipelines;
        this.rankers = rankers;
        this.dictionaries = dictionaries;
    }

    /** The engine on bundled dictionaries and models with default settings. Takes a few seconds. */
    public static CodingEngine createDefault() {
        return create(EngineConfig.defaults());
    }

    public static CodingEngine create(EngineConfig config) {
        return create(config, defaultDictionaries(config));
    }

    /** The dictionaries {@link #create(EngineConfig)} uses: with the ranker, plus the projected English terms. */
    public static Dictionaries defaultDictionaries(EngineConfig config) {
        return config.useRanker() ? rankerDictionaries() : Dictionaries.loadBundled();
    }

    /** An engine over dictionaries the caller already holds (the service shares them with its vocabulary API). */
    public static CodingEngine create(EngineConfig config, Dictionaries dictionaries) {
        return create(config, bundledRankers(config), dictionaries);
    }

    /** The engine with the given rankers (for example freshly trained ones); other languages use the heuristic. */
    public static CodingEngine create(EngineConfig config, Map<Language, Ranker> rankers) {
        return create(config, rankers, rankers.isEmpty() ? Dictionaries.loadBundled() : rankerDictionaries());
    }

    private static CodingEngine create(EngineConfig config, Map<Language, Ranker> rankers,
                                       Dictionaries dictionaries) {
        Map<Language, Pipeline> pipelines = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Ranker ranker = rankers.get(language);
            pipelines.put(language, new Pipeline(ranker == null ? stagesFor(language, dictionaries, config)
                    : rankerStagesFor(language, dictionaries, config, ranker)));
            // Matchers are built on first use; build the default release's now so no note waits for it.
            dictionaries.matcher(language.code(), config.defaultDateOfService());
        }
        return new CodingEngine(config, pipelines, Map.copyOf(rankers), dictionaries);
    }

    private static Map<Language, Ranker> bundledRankers(EngineConfig config) {
        Map<Language, Ranker> rankers = new EnumMap<>(Language.class);
        if (config.useRanker()) {
            for (Language language : Language.values()) {
                Ranker.loadBundled(language.code()).ifPresent(ranker -> rankers.put(language, ranker));
            }
        }
        return rankers;
    }

    /**
     * The dictionaries the ranker works with: the bundled ones plus, for English notes, the terms projected from
     * the English translation of CodiEsp train evidence (the ranker's term-precision features weigh them) and, for
     * Spanish notes, the official English terms translated into Spanish (feature {@code src_translated}).
     */
    public static Dictionaries rankerDictionaries() {
        return Dictionaries.bundledBuilder()
                .addTerms(org.opencac.dictionaries.match.Language.EN, ProjectedTerms.bundled(1))
                .addTerms(org.opencac.dictionaries.match.Language.ES, Dictionaries.bundledTranslatedTerms())
                .build();
    }

    /** The stages up to and including context, keeping nested matches: the input of the ranker. */
    public static List<Stage> rankerInputStages(Language language, Dictionaries dictionaries, EngineConfig config) {
        return inputStages(language, dictionaries, config, TextModels.forLanguage(language.code()), true);
    }

    /**
     * Sentences to context, shared by both pipelines; with {@code keepNested} the dictionary also reports matches
     * inside longer ones (the ranker weighs them).
     */
    private static List<Stage> inputStages(Language language, Dictionaries dictionaries, EngineConfig config,
                                           TextModels models, boolean keepNested) {
        String lang = language.code();
        return List.of(
                new SentenceStage(models.sentenceDetector()),
                new TokenStage(models.tokenizer()),
                new SectionStage(SectionDetectors.forLanguage(lang)),
                new DictionaryStage(dictionaries, lang, config.defaultDateOfService(), keepNested),
                new ContextStage(ConText.forLanguage(lang)));
    }

    static List<Stage> rankerStagesFor(Language language, Dictionaries dictionaries, EngineConfig config,
                                       Ranker ranker) {
        List<Stage> stages = new ArrayList<>(rankerInputStages(language, dictionaries, config));
        stages.add(new RankerStage(ranker, dictionaries, config.defaultDateOfService()));
        stages.add(new ServiceCodeStage(new SuggestionStage(dictionaries, config.codeUncertainForInpatients(),
                config.defaultDateOfService())));
        // Combination rules apply where every part would be shown: use the ranker's diagnosis cut-off.
        stages.add(new CodingRulesStage(dictionaries, config.defaultDateOfService(),
                ranker.card().threshold(CodeSystem.ICD10CM.displayName(), config.threshold()),
                CodingRulesStage.standardRulesExcept(config.disabledRules())));
        return stages;
    }

    /**
     * An engine whose sentence and token models are read from {@code modelDirectory} ({@code <lang>-sent.bin},
     * {@code <lang>-token.bin}, as written by {@code cac train text}) instead of the bundled ones. A missing or
     * corrupt model file makes this fail with a message naming the file: the engine refuses to start. Such an
     * engine uses the match-based confidence: the bundled rankers were trained on the bundled models' output.
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
        return new CodingEngine(config, pipelines, Map.of(), dictionaries);
    }

    /** The stages in order; {@link Pipeline} checks at construction that each one's inputs come earlier. */
    static List<Stage> stagesFor(Language language, Dictionaries dictionaries, EngineConfig config) {
        return stagesFor(language, dictionaries, config, TextModels.forLanguage(language.code()));
    }

    private static List<Stage> stagesFor(Language language, Dictionaries dictionaries, EngineConfig config,
                                         TextModels models) {
        List<Stage> stages = new ArrayList<>(inputStages(language, dictionaries, config, models, false));
        stages.add(new SuggestionStage(dictionaries, config.codeUncertainForInpatients(),
                config.defaultDateOfService()));
        stages.add(new CodingRulesStage(dictionaries, config.defaultDateOfService(), config.threshold(),
                CodingRulesStage.standardRulesExcept(config.disabledRules())));
        return stages;
    }

    @Override
    public CodingResult code(Note note) {
        AnalyzedNote analyzed = pipelines.get(note.language()).run(note);
        List<CodeSuggestion> ranked = analyzed.suggestions();
        Ranker ranker = rankers.get(note.language());
        List<CodeSuggestion> above = new ArrayList<>();
        for (CodeSuggestion suggestion : ranked) {
            double cutoff = ranker != null && config.rankerThresholds()
                    ? ranker.card().threshold(suggestion.system(), config.threshold()) : config.threshold();
            // Coding convention: negated, hypothetical and family conditions are never proposed; with the ranker
            // they stay in the ranked list (for review and MAP) but not among the suggestions.
            if (ranker != null && !config.rankerSuggestsNegated() && excludedAssertion(suggestion.assertion())) {
                continue;
            }
            // Uncertain diagnoses ("possible", "rule out") are coded only for inpatients, and only if configured.
            if (ranker != null && suggestion.assertion() == Assertion.UNCERTAIN
                    && !(note.encounterType() == EncounterType.INPATIENT
                    && config.codeUncertainForInpatients())) {
                continue;
            }
            if (suggestion.confidence() >= cutoff) {
                above.add(suggestion);
            }
        }
        return new CodingResult(above, ranked, analyzed.mentions(), analyzed);
    }

    private static boolean excludedAssertion(Assertion assertion) {
        return assertion == Assertion.NEGATED || assertion == Assertion.HYPOTHETICAL
                || assertion == Assertion.FAMILY;
    }

    public Pipeline pipeline(Language language) {
        return pipelines.get(language);
    }

    /** The learned ranker used for a language, or null when that language uses the heuristic confidence. */
    public Ranker ranker(Language language) {
        return rankers.get(language);
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
