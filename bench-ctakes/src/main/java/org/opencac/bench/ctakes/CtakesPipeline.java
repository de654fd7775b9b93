package org.opencac.bench.ctakes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ctakes.chunker.ae.Chunker;
import org.apache.ctakes.core.ae.SentenceDetector;
import org.apache.ctakes.core.ae.SimpleSegmentAnnotator;
import org.apache.ctakes.core.ae.TokenizerAnnotatorPTB;
import org.apache.ctakes.dictionary.lookup2.ae.DefaultJCasTermAnnotator;
import org.apache.ctakes.necontexts.ContextAnnotator;
import org.apache.ctakes.postagger.POSTagger;
import org.apache.ctakes.typesystem.type.syntax.BaseToken;
import org.apache.ctakes.typesystem.type.syntax.NewlineToken;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.analysis_engine.AnalysisEngine;
import org.apache.uima.analysis_engine.AnalysisEngineDescription;
import org.apache.uima.analysis_engine.AnalysisEngineProcessException;
import org.apache.uima.fit.factory.AnalysisEngineFactory;
import org.apache.uima.fit.util.JCasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.resource.ResourceInitializationException;
import org.apache.uima.resource.metadata.MetaDataObject;
import org.apache.uima.util.CasCreationUtils;

/**
 * Apache cTAKES 5.1.0 run as a chain of its own analysis engines over one reused CAS, one engine per component so
 * each is timed on its own: segment, sentence detector, PTB tokenizer, POS tagger, chunker, fast dictionary
 * lookup (over {@link CtakesDictionary}) and the NegEx-style context annotator (negation). Not thread-safe: one
 * instance per thread.
 *
 * <p>Loaded by {@link IsolatedCtakes} in a class loader of its own (cTAKES needs OpenNLP 1.x, we use 2.x), so this
 * class refers to cTAKES, UIMA and the JDK only, never to OpenCAC classes.
 */
public final class CtakesPipeline {

    /** What cTAKES found in one note; counts only, never text. */
    public record NoteCounts(int tokens, int mentions, int negated) {
    }

    private final List<String> names;
    private final List<AnalysisEngine> engines;
    private final long[] nanos;
    private final JCas jcas;

    private CtakesPipeline(List<String> names, List<AnalysisEngine> engines, JCas jcas) {
        this.names = List.copyOf(names);
        this.engines = List.copyOf(engines);
        this.nanos = new long[engines.size()];
        this.jcas = jcas;
    }

    /**
     * @param components which of {@link CtakesComponents#ALL} to run (in pipeline order; each needs the ones before it)
     * @param lookupXml  the lookup specification written by {@link CtakesDictionary}; unused without "dictionary"
     */
    public static CtakesPipeline create(List<String> components, Path lookupXml) {
        CtakesComponents.checkPrefix(components);
        try {
            List<AnalysisEngineDescription> descriptions = new ArrayList<>();
            for (String component : components) {
                descriptions.add(describe(component, lookupXml));
            }
            List<AnalysisEngine> engines = new ArrayList<>();
            for (AnalysisEngineDescription description : descriptions) {
                engines.add(AnalysisEngineFactory.createEngine(description));
            }
            List<MetaDataObject> metadata = new ArrayList<>(descriptions);
            JCas jcas = CasCreationUtils.createCas(metadata).getJCas();
            return new CtakesPipeline(components, engines, jcas);
        } catch (ResourceInitializationException | org.apache.uima.cas.CASException e) {
            throw new IllegalStateException("cannot start cTAKES components " + components + ": " + e.getMessage(), e);
        }
    }

    private static AnalysisEngineDescription describe(String component, Path lookupXml)
            throws ResourceInitializationException {
        return switch (component) {
            case "segment" -> SimpleSegmentAnnotator.createAnnotatorDescription();
            case "sentences" -> SentenceDetector.createAnnotatorDescription();
            case "tokens" -> TokenizerAnnotatorPTB.createAnnotatorDescription();
            case "pos" -> POSTagger.createAnnotatorDescription();
            case "chunks" -> Chunker.createAnnotatorDescription();
            case "dictionary" -> DefaultJCasTermAnnotator.createAnnotatorDescription(lookupXml.toAbsolutePath().toString());
            case "negation" -> ContextAnnotator.createAnnotatorDescription();
            default -> throw new IllegalArgumentException("unknown cTAKES component " + component);
        };
    }

    /**
     * Runs every component on the text and counts tokens (newlines excluded), dictionary mentions (distinct spans
     * of annotations carrying a concept) and the negated ones.
     */
    public NoteCounts process(String text) {
        jcas.reset();
        jcas.setDocumentText(text);
        try {
            for (int i = 0; i < engines.size(); i++) {
                long start = System.nanoTime();
                engines.get(i).process(jcas);
                nanos[i] += System.nanoTime() - start;
            }
        } catch (AnalysisEngineProcessException e) {
            throw new IllegalStateException("cTAKES failed on a note: " + e.getClass().getSimpleName(), e);
        }
        int tokens = 0;
        for (BaseToken token : JCasUtil.select(jcas, BaseToken.class)) {
            if (!(token instanceof NewlineToken)) {
                tokens++;
            }
        }
        // A dictionary hit can be filed under more than one annotation type; count each span once.
        java.util.Set<Long> spans = new java.util.HashSet<>();
        java.util.Set<Long> negatedSpans = new java.util.HashSet<>();
        for (IdentifiedAnnotation mention : JCasUtil.select(jcas, IdentifiedAnnotation.class)) {
            if (mention.getOntologyConceptArr() == null || mention.getOntologyConceptArr().size() == 0) {
                continue;
            }
            long span = ((long) mention.getBegin() << 32) | mention.getEnd();
            spans.add(span);
            if (mention.getPolarity() < 0) {
                negatedSpans.add(span);
            }
        }
        int mentions = spans.size();
        int negated = negatedSpans.size();
        return new NoteCounts(tokens, mentions, negated);
    }

    /** {@link #process} as JDK types for a caller in another class loader: tokens, mentions, negated. */
    public int[] processCounts(String text) {
        NoteCounts counts = process(text);
        return new int[] {counts.tokens(), counts.mentions(), counts.negated()};
    }

    /** Cumulative nanoseconds per component since creation, in pipeline order. */
    public Map<String, Long> componentNanos() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            result.put(names.get(i), nanos[i]);
        }
        return result;
    }

    public List<String> components() {
        return names;
    }
}
