package org.opencac.eval.codiesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.core.model.Language;

class CodiespGoldReaderTest {
    @TempDir
    Path root;

    private Path writeSplit(Path dir, String name) throws IOException {
        Files.createDirectories(dir.resolve("text_files"));
        Files.writeString(dir.resolve(name + "D.tsv"), "doc1\tE11.9\ndoc1\tn39.0\ndoc1\te11.9\ndoc2\tr52\n");
        Files.writeString(dir.resolve(name + "P.tsv"), "doc1\tbw03zzz\n");
        Files.writeString(dir.resolve(name + "X.tsv"),
                "doc1\tDIAGNOSTICO\tn39.0\tinfección urinaria\t10 20;35 42\n"
                        + "doc1\tPROCEDIMIENTO\tbw03zzz\tradiografía\t50 61\n");
        return dir;
    }

    @Test
    void readsCodesLowerCasedOnceEach() throws IOException {
        CodiespSplit split = new CodiespSplit(writeSplit(root.resolve("dev"), "dev"), "dev");
        CodiespGold gold = CodiespGoldReader.read(split);
        assertEquals(Map.of("doc1", Set.of("e11.9", "n39.0"), "doc2", Set.of("r52")),
                gold.codesByDocument(CodeType.D));
        assertEquals(Map.of("doc1", Set.of("bw03zzz")), gold.codesByDocument(CodeType.P));
        assertEquals(Set.of("doc1", "doc2"), gold.documentIds());
    }

    @Test
    void discontinuousReferenceRunsFromFirstStartToLastEnd() throws IOException {
        CodiespSplit split = new CodiespSplit(writeSplit(root.resolve("dev"), "dev"), "dev");
        List<GoldReference> references = CodiespGoldReader.read(split).references();
        GoldReference first = references.get(0);
        assertEquals(new CodeKey("doc1", CodeType.D, "n39.0"), first.key());
        assertEquals(10, first.span().start());
        assertEquals(42, first.span().end());
        assertEquals("10 20;35 42", first.rawOffsets());
        assertEquals(CodeType.P, references.get(1).key().type());
    }

    @Test
    void locatesSplitsFromAnyOfTheAcceptedRoots() throws IOException {
        Path dataset = root.resolve("codiesp").resolve(CodiespSplit.DATASET_FOLDER);
        writeSplit(dataset.resolve("dev"), "dev");
        for (Path start : List.of(root, root.resolve("codiesp"), dataset)) {
            CodiespSplit split = CodiespSplit.locate(start, "dev");
            assertEquals(dataset.resolve("dev"), split.directory());
            assertEquals("dev", split.name());
        }
        assertEquals(dataset.resolve("dev").resolve("text_files_en"),
                CodiespSplit.locate(root, "dev").textFolder(Language.EN));
    }

    @Test
    void aFolderPathNamesItsSplitByItsDFile() throws IOException {
        Path folder = writeSplit(root.resolve("mine"), "sample");
        CodiespSplit split = CodiespSplit.locate(root, folder.toString());
        assertEquals("sample", split.name());
        assertTrue(Files.exists(split.referencesFile()));
    }

    @Test
    void missingSplitIsAnError() throws IOException {
        writeSplit(root.resolve(CodiespSplit.DATASET_FOLDER).resolve("dev"), "dev");
        assertThrows(IllegalArgumentException.class, () -> CodiespSplit.locate(root, "train"));
    }
}
