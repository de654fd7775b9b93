package org.opencac.nlp.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads CoNLL-U files into sentences of surface tokens. Stateless. */
public final class ConlluReader {
    private ConlluReader() {
    }

    public static List<ConlluSentence> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static List<ConlluSentence> read(Reader input) throws IOException {
        BufferedReader lines = input instanceof BufferedReader b ? b : new BufferedReader(input);
        List<ConlluSentence> sentences = new ArrayList<>();
        SentenceBuilder current = new SentenceBuilder();
        String docId = "";
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                current.finishInto(sentences, docId);
                current = new SentenceBuilder();
            } else if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("newdoc")) {
                    docId = valueAfterEquals(comment);
                } else if (comment.startsWith("newpar")) {
                    current.startsParagraph = true;
                } else if (comment.startsWith("sent_id")) {
                    current.sentId = valueAfterEquals(comment);
                } else if (comment.startsWith("text ") || comment.startsWith("text=")) {
                    current.text = valueAfterEquals(comment);
                }
            } else {
                current.addWordLine(line);
            }
        }
        current.finishInto(sentences, docId);
        return sentences;
    }

    private static String valueAfterEquals(String comment) {
        int equals = comment.indexOf('=');
        return equals < 0 ? "" : comment.substring(equals + 1).strip();
    }

    /** Collects the lines of one sentence block. */
    private static final class SentenceBuilder {
        private String sentId = "";
        private String text;
        private boolean startsParagraph;
        private final List<ConlluToken> tokens = new ArrayList<>();
        /** Last word id covered by the latest multiword range; word lines up to it are skipped. */
        private int coveredUntil;

        void addWordLine(String line) {
            String[] columns = line.split("\t", -1);
            if (columns.length < 10) {
                throw new IllegalArgumentException("CoNLL-U word line needs 10 columns, got " + columns.length);
            }
            String id = columns[0];
            boolean spaceAfter = !columns[9].contains("SpaceAfter=No");
            int dash = id.indexOf('-');
            if (dash > 0) {
                coveredUntil = Integer.parseInt(id.substring(dash + 1));
                tokens.add(new ConlluToken(columns[1], spaceAfter));
            } else if (id.indexOf('.') > 0) {
                // Empty nodes have no surface form.
            } else if (Integer.parseInt(id) > coveredUntil) {
                tokens.add(new ConlluToken(columns[1], spaceAfter));
            }
        }

        void finishInto(List<ConlluSentence> sentences, String docId) {
            if (tokens.isEmpty()) {
                return;
            }
            ConlluSentence sentence = new ConlluSentence(docId, sentId, text == null ? "" : text,
                    startsParagraph, tokens);
            if (text == null) {
                sentence = new ConlluSentence(docId, sentId, sentence.detokenized(), startsParagraph, tokens);
            }
            sentences.add(sentence);
        }
    }
}
