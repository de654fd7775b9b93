package org.opencac.nlp.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.nlp.text.TextSpan;

class CraftReaderTest {
    private static final String ARTICLE = "Mouse eyes\n\nIOP (mmHg) was high. It fell.\n";
    private static final String CONLLU = String.join("\n",
            "# newdoc id = 42",
            "# sent_id = 0",
            "# text = Mouse eyes",
            "1\tMouse\t_\t_\t_\t_\t0\t_\t_\t_",
            "2\teyes\t_\t_\t_\t_\t1\t_\t_\t_",
            "",
            "# sent_id = 1",
            "# text = IOP (mmHg) was high.",
            "1\tIOP\t_\t_\t_\t_\t0\t_\t_\t_",
            "2\t(\t_\t_\t_\t_\t1\t_\t_\tSpaceAfter=No",
            "3\tmmHg\t_\t_\t_\t_\t1\t_\t_\tSpaceAfter=No",
            "4\t)\t_\t_\t_\t_\t1\t_\t_\t_",
            "5\twas\t_\t_\t_\t_\t1\t_\t_\t_",
            "6\thigh\t_\t_\t_\t_\t1\t_\t_\tSpaceAfter=No",
            "7\t.\t_\t_\t_\t_\t1\t_\t_\t_",
            "",
            "# sent_id = 2",
            "# text = Not in the article.",
            "1\tNot\t_\t_\t_\t_\t0\t_\t_\t_",
            "",
            "# sent_id = 3",
            "# text = It fell.",
            "1\tIt\t_\t_\t_\t_\t0\t_\t_\t_",
            "2\tfell\t_\t_\t_\t_\t1\t_\t_\tSpaceAfter=No",
            "3\t.\t_\t_\t_\t_\t1\t_\t_\t_",
            "");

    @Test
    void alignsSentencesAndTokensToTheArticleFromAFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("42.txt"), ARTICLE);
        Files.writeString(dir.resolve("42.conllu"), CONLLU);
        List<AlignedDocument> documents = CraftReader.read(dir, Set.of("42", "missing"));
        assertEquals(1, documents.size());
        AlignedDocument document = documents.get(0);
        assertEquals(1, document.unalignedSentences());
        assertEquals(List.of("Mouse eyes", "IOP (mmHg) was high.", "It fell."),
                document.sentences().stream().map(span -> span.of(ARTICLE)).toList());
        assertEquals(List.of("Mouse", "eyes", "IOP", "(", "mmHg", ")", "was", "high", ".", "It", "fell", "."),
                document.tokens().stream().map(span -> span.of(ARTICLE)).toList());
        TextSpan paren = document.tokens().get(3);
        assertEquals(ARTICLE.indexOf('('), paren.start());
    }

    @Test
    void readsTheStagedTarballsWhenPresent() throws IOException {
        String shared = System.getProperty("cac.shared");
        org.junit.jupiter.api.Assumptions.assumeTrue(shared != null
                && Files.isDirectory(Path.of(shared, "gold", "craft")), "CRAFT not available");
        Path craft = Path.of(shared, "gold", "craft");
        List<AlignedDocument> dev = CraftReader.readSplit(craft, "dev");
        assertEquals(CraftReader.splitIds(craft, "dev").size(), dev.size());
        for (AlignedDocument document : dev) {
            for (TextSpan token : document.tokens()) {
                // Every token is non-empty text without surrounding white space.
                assertEquals(token.of(document.text()).strip(), token.of(document.text()));
            }
        }
    }
}
