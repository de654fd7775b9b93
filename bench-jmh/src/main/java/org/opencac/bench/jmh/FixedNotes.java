package org.opencac.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.eval.bench.NoteFolder;
import org.opencac.eval.bench.NoteFolder.NamedText;

/**
 * The fixed English notes the micro-benchmarks run on: by default the four English sample notes of the
 * repository (bundled into this module's jar at build time), or the first notes, by file name, of a folder or
 * of the CodiEsp archive.
 */
public final class FixedNotes {
    /** Value of the {@code notes} parameter that selects the bundled sample notes. */
    public static final String SAMPLES = "samples";
    /** How many notes are taken from a folder or archive. */
    public static final int FROM_FOLDER = 8;

    private static final String RESOURCE_FOLDER = "/org/opencac/bench/jmh/notes/";
    private static final String[] SAMPLE_FILES = {
        "01-hypertension-followup.txt", "02-inferior-mi.txt", "03-diabetes.txt", "04-clinic-note.txt"};

    private FixedNotes() {
    }

    /** @param source {@link #SAMPLES}, or the path of a folder of .txt notes or of a .tar.gz archive */
    public static List<Note> load(String source) {
        List<Note> notes = new ArrayList<>();
        if (SAMPLES.equals(source)) {
            for (String file : SAMPLE_FILES) {
                notes.add(new Note(file, readResource(file), null, null, Language.EN));
            }
            return notes;
        }
        List<NamedText> texts = NoteFolder.read(Path.of(source), "text_files_en/");
        for (NamedText text : texts.subList(0, Math.min(FROM_FOLDER, texts.size()))) {
            notes.add(new Note(text.name(), text.text(), null, null, Language.EN));
        }
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("no .txt notes in " + source);
        }
        return notes;
    }

    private static String readResource(String file) {
        try (InputStream in = FixedNotes.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("sample note " + file + " is not bundled; rebuild bench-jmh");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
