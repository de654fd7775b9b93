package org.opencac.eval.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads the notes a benchmark runs on: the .txt files of a folder, or of one folder inside a .tar.gz. */
public final class NoteFolder {
    private NoteFolder() {
    }

    /** A named note text. */
    public record NamedText(String name, String text) {
        @Override
        public String toString() {
            return "NamedText[" + name + ", chars=" + text.length() + "]";
        }
    }

    /**
     * @param source  a folder of .txt files, or a .tar.gz archive
     * @param insideArchive for an archive, only entries whose path contains this folder name (e.g. "text_files_en/")
     */
    public static List<NamedText> read(Path source, String insideArchive) {
        try {
            if (Files.isDirectory(source)) {
                return readFolder(source);
            }
            return readArchive(source, insideArchive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notes from " + source, e);
        }
    }

    private static List<NamedText> readFolder(Path folder) throws IOException {
        List<NamedText> notes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                notes.add(new NamedText(file.getFileName().toString(), Files.readString(file)));
            }
        }
        return notes;
    }

    private static List<NamedText> readArchive(Path archive, String insideArchive) throws IOException {
        List<NamedText> notes = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isFile() && name.endsWith(".txt") && (insideArchive == null || name.contains(insideArchive))) {
                    notes.add(new NamedText(name.substring(name.lastIndexOf('/') + 1),
                            new String(tar.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        notes.sort((a, b) -> a.name().compareTo(b.name()));
        return notes;
    }
}
