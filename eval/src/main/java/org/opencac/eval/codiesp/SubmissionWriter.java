package org.opencac.eval.codiesp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the official CodiEsp submission files ({@code D.tsv}, {@code P.tsv}, {@code X.tsv}) from the suggested
 * candidates, plus {@code ranked.tsv} with every candidate so MAP and sweeps can be recomputed.
 */
public final class SubmissionWriter {
    private SubmissionWriter() {
    }

    public static void writeAll(Path outDir, List<DocumentPrediction> predictions) {
        try {
            Files.createDirectories(outDir);
            writeCodes(outDir.resolve("D.tsv"), predictions, CodeType.D);
            writeCodes(outDir.resolve("P.tsv"), predictions, CodeType.P);
            writeReferences(outDir.resolve("X.tsv"), predictions);
            writeRanked(outDir.resolve("ranked.tsv"), predictions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docid<TAB>code}, best first within each document. */
    public static void writeCodes(Path file, List<DocumentPrediction> predictions, CodeType type) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DocumentPrediction prediction : predictions) {
                for (Candidate candidate : prediction.suggested(type)) {
                    out.write(prediction.docId() + "\t" + candidate.code() + "\n");
                }
            }
        }
    }

    /** {@code docid<TAB>start end<TAB>DIAGNOSTICO|PROCEDIMIENTO<TAB>code}, one line per evidence span. */
    public static void writeReferences(Path file, List<DocumentPrediction> predictions) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DocumentPrediction prediction : predictions) {
                for (Candidate candidate : prediction.ranked()) {
                    if (!candidate.suggested()) {
                        continue;
                    }
                    for (TextSpan span : candidate.evidence()) {
                        out.write(prediction.docId() + "\t" + span.start() + " " + span.end() + "\t"
                                + candidate.type().label() + "\t" + candidate.code() + "\n");
                    }
                }
            }
        }
    }

    /** Header, then {@code docid system code confidence rank suggested}; rank counts from 1 within (doc, system). */
    public static void writeRanked(Path file, List<DocumentPrediction> predictions) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("docid\tsystem\tcode\tconfidence\trank\tsuggested\n");
            for (DocumentPrediction prediction : predictions) {
                for (CodeType type : CodeType.values()) {
                    int rank = 0;
                    for (Candidate candidate : prediction.ranked(type)) {
                        rank++;
                        out.write(String.format(Locale.ROOT, "%s\t%s\t%s\t%.6f\t%d\t%b\n", prediction.docId(),
                                type, candidate.code(), candidate.confidence(), rank, candidate.suggested()));
                    }
                }
            }
        }
    }
}
