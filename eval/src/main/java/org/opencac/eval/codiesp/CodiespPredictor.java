package org.opencac.eval.codiesp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opencac.core.NoteCoder;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.eval.report.Progress;

/**
 * Codes every {@code .txt} file of a folder; the document id is the file name without ".txt". CodiEsp's
 * documents are clinical case reports of hospital stays, so they are coded as inpatient notes.
 */
public final class CodiespPredictor {
    /** CodiEsp was coded with the 2018 edition (ICD-10-CM/PCS FY2018): code its notes against that release. */
    public static final LocalDate CODIESP_DATE_OF_SERVICE = LocalDate.of(2018, 6, 1);

    private final NoteCoder coder;
    private final Language language;

    public CodiespPredictor(NoteCoder coder, Language language) {
        this.coder = coder;
        this.language = language;
    }

    public List<DocumentPrediction> predictFolder(Path textFolder) {
        List<Path> files = textFiles(textFolder);
        Progress progress = Progress.toStderr("coding " + textFolder.getFileName(), files.size());
        List<DocumentPrediction> predictions = new ArrayList<>();
        for (Path file : files) {
            predictions.add(predict(docId(file), read(file)));
            progress.step();
        }
        progress.finish();
        return predictions;
    }

    public DocumentPrediction predict(String docId, String text) {
        return DocumentPrediction.fromResult(docId, text, coder.code(
                new Note(docId, text, EncounterType.INPATIENT, CODIESP_DATE_OF_SERVICE, language)));
    }

    /** The .txt files of a folder in name order, so that runs are repeatable. */
    public static List<Path> textFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String docId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".txt".length());
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
