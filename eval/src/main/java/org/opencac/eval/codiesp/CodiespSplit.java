package org.opencac.eval.codiesp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.opencac.core.model.Language;

/**
 * Where the files of one CodiEsp split are: {@code <name>D.tsv}, {@code <name>P.tsv}, {@code <name>X.tsv},
 * {@code text_files/} (Spanish) and {@code text_files_en/} (English).
 */
public record CodiespSplit(Path directory, String name) {
    static final String DATASET_FOLDER = "final_dataset_v4_to_publish";

    /**
     * Finds a split. {@code goldRoot} may be the shared gold root, its {@code codiesp} folder or the
     * {@code final_dataset_v4_to_publish} folder; {@code split} is "train", "dev", "test" or a path to a folder
     * with the same layout.
     */
    public static CodiespSplit locate(Path goldRoot, String split) {
        Path asFolder = Path.of(split);
        if (!List.of("train", "dev", "test").contains(split) && Files.isDirectory(asFolder)) {
            return inFolder(asFolder);
        }
        Path dataset = datasetFolder(goldRoot);
        Path directory = dataset.resolve(split);
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("No CodiEsp split '" + split + "' under " + dataset);
        }
        return new CodiespSplit(directory, split);
    }

    /** A folder holding exactly one {@code <name>D.tsv}; its prefix names the split. */
    public static CodiespSplit inFolder(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("D.tsv"))
                    .map(n -> n.substring(0, n.length() - "D.tsv".length()))
                    .toList();
            if (names.size() != 1) {
                throw new IllegalArgumentException("Expected one <name>D.tsv in " + directory + ", found " + names);
            }
            return new CodiespSplit(directory, names.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path datasetFolder(Path goldRoot) {
        for (Path candidate : List.of(goldRoot, goldRoot.resolve(DATASET_FOLDER),
                goldRoot.resolve("codiesp").resolve(DATASET_FOLDER))) {
            if (candidate.getFileName() != null && candidate.getFileName().toString().equals(DATASET_FOLDER)
                    && Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        if (Files.isDirectory(goldRoot.resolve("train")) || Files.isDirectory(goldRoot.resolve("dev"))) {
            return goldRoot;
        }
        throw new IllegalArgumentException("No CodiEsp data under " + goldRoot);
    }

    public Path diagnosesFile() {
        return directory.resolve(name + "D.tsv");
    }

    public Path proceduresFile() {
        return directory.resolve(name + "P.tsv");
    }

    public Path referencesFile() {
        return directory.resolve(name + "X.tsv");
    }

    public Path textFolder(Language language) {
        return directory.resolve(language == Language.ES ? "text_files" : "text_files_en");
    }
}
