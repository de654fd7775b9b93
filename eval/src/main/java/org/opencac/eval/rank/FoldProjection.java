package org.opencac.eval.rank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencac.core.rank.ProjectedTerms;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Codes;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.nlp.align.Bead;
import org.opencac.nlp.align.ParallelDocument;
import org.opencac.nlp.align.PhraseProjector;
import org.opencac.nlp.align.SentenceAligner;
import org.opencac.nlp.align.SentenceSplitter;
import org.opencac.nlp.align.TextFolding;
import org.opencac.nlp.align.WordTranslationModel;
import org.opencac.nlp.classify.tools.CodiEspCorpus;
import org.opencac.nlp.text.TextSpan;

/**
 * English evidence terms for cross-fitting: every CodiEsp-X evidence row of the training documents projected onto
 * the English translation once, remembered per document, so that each fold's dictionary can hold only the terms
 * of the other folds' documents (the bundled projected-term file has no document ids). The word-translation model
 * is unsupervised (aligned sentence pairs, no codes), so it is trained once on all training documents.
 */
final class FoldProjection {
    /** One projected evidence row. */
    record Row(String system, String code, String term) {
    }

    private static final int EM_ITERATIONS = 8;

    private final Map<String, List<Row>> byDocument;

    FoldProjection(Map<String, List<Row>> byDocument) {
        this.byDocument = byDocument;
    }

    static FoldProjection build(Path goldRoot, List<String> splits) {
        try {
            Path codiesp = goldRoot.resolve("codiesp");
            Path gold = java.nio.file.Files.isDirectory(codiesp) ? codiesp : goldRoot;
            List<CodiEspCorpus.Document> documents = new ArrayList<>();
            Map<String, List<CodiEspCorpus.Evidence>> evidence = new HashMap<>();
            for (String split : splits) {
                documents.addAll(CodiEspCorpus.documents(gold, split));
                evidence.putAll(CodiEspCorpus.evidence(gold, split));
            }
            long spanishChars = 0;
            long englishChars = 0;
            for (CodiEspCorpus.Document d : documents) {
                spanishChars += d.spanish().replaceAll("\\s", "").length();
                englishChars += d.english().replaceAll("\\s", "").length();
            }
            SentenceAligner aligner = new SentenceAligner(englishChars / (double) Math.max(1, spanishChars));
            SentenceSplitter splitter = new SentenceSplitter();
            List<ParallelDocument> aligned = new ArrayList<>();
            List<WordTranslationModel.SentencePair> pairs = new ArrayList<>();
            for (CodiEspCorpus.Document d : documents) {
                ParallelDocument p = ParallelDocument.align(d.spanish(), d.english(), splitter, aligner);
                aligned.add(p);
                for (Bead bead : p.beads()) {
                    if (bead.sourceCount() == 0 || bead.targetCount() == 0) {
                        continue;
                    }
                    pairs.add(new WordTranslationModel.SentencePair(
                            words(p.spanish(), p.spanishSentences().get(bead.sourceStart()).start(),
                                    p.spanishSentences().get(bead.sourceEnd() - 1).end()),
                            words(p.english(), p.englishLines().get(bead.targetStart()).start(),
                                    p.englishLines().get(bead.targetEnd() - 1).end())));
                }
            }
            PhraseProjector projector = new PhraseProjector(WordTranslationModel.train(pairs, EM_ITERATIONS));
            Map<String, List<Row>> rows = new HashMap<>();
            for (int i = 0; i < documents.size(); i++) {
                String id = documents.get(i).id();
                List<Row> list = rows.computeIfAbsent(id, k -> new ArrayList<>());
                for (CodiEspCorpus.Evidence e : evidence.getOrDefault(id, List.of())) {
                    project(e, aligned.get(i), projector).ifPresent(term -> list.add(new Row(e.system(), e.code(), term)));
                }
            }
            return new FoldProjection(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(String text, int start, int end) {
        return TextFolding.tokens(text, start, end).stream().map(TextFolding.Token::folded).toList();
    }

    static Optional<String> project(CodiEspCorpus.Evidence row, ParallelDocument document, PhraseProjector projector) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        List<String> spanishWords = new ArrayList<>();
        for (TextSpan span : row.spans()) {
            start = Math.min(start, span.start());
            end = Math.max(end, span.end());
        }
        if (row.spans().isEmpty() || end > document.spanish().length()) {
            return Optional.empty();
        }
        for (TextSpan span : row.spans()) {
            spanishWords.addAll(words(document.spanish(), span.start(), span.end()));
        }
        return document.englishRangeFor(new TextSpan(start, end))
                .flatMap(r -> projector.project(spanishWords, document.english(), r.start(), r.end()))
                .map(span -> span.of(document.english()).toLowerCase(Locale.ROOT)
                        .replaceAll("[\\[\\](){}]", " ").replaceAll("\\s+", " ").trim())
                .filter(term -> !term.isEmpty());
    }

    /** Projected rows of one document (for tests and figures). */
    List<Row> rows(String documentId) {
        return byDocument.getOrDefault(documentId, List.of());
    }

    /** The projected terms of the given documents, weighted as the bundled file is ({@link ProjectedTerms}). */
    List<DictionaryTerm> terms(Collection<String> documentIds) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String id : documentIds) {
            for (Row row : rows(id)) {
                CodeSystem system = CodeSystem.fromDisplayName(row.system());
                counts.merge(row.system() + '\t' + Codes.canonical(system, row.code()) + '\t' + row.term(), 1,
                        Integer::sum);
            }
        }
        StringBuilder tsv = new StringBuilder();
        counts.forEach((key, count) -> tsv.append(key).append('\t').append(count).append('\n'));
        try {
            return ProjectedTerms.read(new ByteArrayInputStream(tsv.toString().getBytes(StandardCharsets.UTF_8)), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
