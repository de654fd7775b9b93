package org.opencac.dictionaries.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.match.Language;

/**
 * In-memory Lucene index over code titles and terms. English: standard tokens, lower case, accent folding,
 * English stop words, Porter stemming. Spanish: the same with Spanish stop words and Lucene's light Spanish
 * stemmer. Built in memory when first needed; immutable and thread-safe afterwards.
 */
public final class CodeSearch {

    /** What is indexed for one code. {@code terms} may be added to until the index is built. */
    public record Document(CodeSystem system, String code, String title, boolean billable, String release,
                           List<String> terms) {
    }

    private static final String SYSTEM = "system";
    private static final String CODE = "code";
    private static final String TITLE = "title";
    private static final String TERMS = "terms";
    private static final String BILLABLE = "billable";
    private static final String RELEASE = "release";

    private final Analyzer analyzer;
    private final IndexSearcher searcher;

    private CodeSearch(Analyzer analyzer, IndexSearcher searcher) {
        this.analyzer = analyzer;
        this.searcher = searcher;
    }

    /** The analyzer used for a language; also handy for tests. */
    public static Analyzer analyzer(Language language) {
        CharArraySet stopWords = language == Language.EN ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
                : SpanishAnalyzer.getDefaultStopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, stopWords);
                stream = language == Language.EN ? new PorterStemFilter(stream) : new SpanishLightStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    public static CodeSearch build(Language language, Collection<Document> documents) {
        Analyzer analyzer = analyzer(language);
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Document document : documents) {
                    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                    doc.add(new StringField(SYSTEM, document.system().name(), Field.Store.YES));
                    doc.add(new StringField(CODE, document.code(), Field.Store.YES));
                    doc.add(new TextField(TITLE, document.title(), Field.Store.YES));
                    for (String term : document.terms()) {
                        doc.add(new TextField(TERMS, term, Field.Store.NO));
                    }
                    doc.add(new StoredField(BILLABLE, document.billable() ? 1 : 0));
                    doc.add(new StoredField(RELEASE, document.release()));
                    writer.addDocument(doc);
                }
            }
            return new CodeSearch(analyzer, new IndexSearcher(DirectoryReader.open(directory)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Codes whose title or terms best fit the words of the query (plain words; no query syntax needed).
     * Codes matching every word come first; codes matching only some words fill the remaining places.
     */
    public List<SearchHit> search(String query, int limit) {
        Map<String, Float> fields = Map.of(TITLE, 1.0f, TERMS, 1.0f);
        SimpleQueryParser allWords = new SimpleQueryParser(analyzer, fields);
        allWords.setDefaultOperator(BooleanClause.Occur.MUST);
        SimpleQueryParser anyWord = new SimpleQueryParser(analyzer, fields);
        try {
            Map<String, SearchHit> hits = new LinkedHashMap<>();
            collect(allWords.parse(query), limit, hits);
            if (hits.size() < limit) {
                collect(anyWord.parse(query), limit, hits);
            }
            return List.copyOf(hits.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(Query query, int limit, Map<String, SearchHit> hits) throws IOException {
        if (query == null) {
            return;
        }
        for (ScoreDoc scoreDoc : searcher.search(query, limit).scoreDocs) {
            if (hits.size() >= limit) {
                return;
            }
            org.apache.lucene.document.Document doc = searcher.storedFields().document(scoreDoc.doc);
            String key = doc.get(SYSTEM) + ":" + doc.get(CODE);
            hits.putIfAbsent(key, new SearchHit(CodeSystem.valueOf(doc.get(SYSTEM)), doc.get(CODE), doc.get(TITLE),
                    doc.getField(BILLABLE).numericValue().intValue() == 1, doc.get(RELEASE), scoreDoc.score));
        }
    }
}
