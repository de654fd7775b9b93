package org.opencac.nlp.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the CRAFT structural layer (CoNLL-U) and article texts and aligns them into gold sentence and token spans.
 * Accepts either the staged CRAFT folder (two tarballs plus {@code ids/}) or a plain folder of
 * {@code <id>.txt} and {@code <id>.conllu} files.
 */
public final class CraftReader {
    static final String CONLLU_TARBALL = "craft-v5.0.2-conllu-train-dev.tar.gz";
    static final String TEXT_TARBALL = "craft-v5.0.2-articles-txt-train-dev.tar.gz";

    private CraftReader() {
    }

    /** The article ids of an official split ("train", "dev" or "test") listed in {@code ids/craft-ids-<split>.txt}. */
    public static Set<String> splitIds(Path craftDir, String split) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (String line : Files.readAllLines(craftDir.resolve("ids").resolve("craft-ids-" + split + ".txt"))) {
            if (!line.isBlank()) {
                ids.add(line.strip());
            }
        }
        return ids;
    }

    /** The aligned documents of one official split. */
    public static List<AlignedDocument> readSplit(Path craftDir, String split) throws IOException {
        return read(craftDir, splitIds(craftDir, split));
    }

    /** The aligned documents with the given ids, in the order of {@code ids}; missing ids are skipped. */
    public static List<AlignedDocument> read(Path craftDir, Set<String> ids) throws IOException {
        Map<String, String> conllu;
        Map<String, String> texts;
        if (Files.exists(craftDir.resolve(CONLLU_TARBALL))) {
            conllu = readTarball(craftDir.resolve(CONLLU_TARBALL), ".conllu", ids);
            texts = readTarball(craftDir.resolve(TEXT_TARBALL), ".txt", ids);
        } else {
            conllu = readFolder(craftDir, ".conllu", ids);
            texts = readFolder(craftDir, ".txt", ids);
        }
        List<AlignedDocument> documents = new ArrayList<>();
        for (String id : ids) {
            if (conllu.containsKey(id) && texts.containsKey(id)) {
                List<ConlluSentence> sentences = ConlluReader.read(new StringReader(conllu.get(id)));
                documents.add(Aligner.align(id, texts.get(id), sentences));
            }
        }
        return documents;
    }

    private static Map<String, String> readFolder(Path dir, String suffix, Set<String> ids) throws IOException {
        Map<String, String> contents = new HashMap<>();
        for (String id : ids) {
            Path file = dir.resolve(id + suffix);
            if (Files.exists(file)) {
                contents.put(id, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return contents;
    }

    private static Map<String, String> readTarball(Path tarball, String suffix, Set<String> ids) throws IOException {
        Map<String, String> contents = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (!entry.isFile() || !name.endsWith(suffix)) {
                    continue;
                }
                String id = name.substring(name.lastIndexOf('/') + 1, name.length() - suffix.length());
                if (ids.contains(id)) {
                    contents.put(id, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return contents;
    }
}
