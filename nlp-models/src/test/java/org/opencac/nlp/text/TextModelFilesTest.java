package org.opencac.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault 2c at the model level: models read from files on a custom path refuse a missing or corrupt file by name. */
class TextModelFilesTest {
    @TempDir
    Path dir;

    private Path copyOfBundled(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = TextModels.class.getResourceAsStream(TextModels.MODEL_FOLDER + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void intactCopiesLoadAndWork() throws IOException {
        TextModels models = TextModels.fromFiles("en", copyOfBundled("en-sent.bin"), copyOfBundled("en-token.bin"));
        assertEquals(2, models.sentenceDetector().detect("Chest pain. No fever.").size());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path missing = dir.resolve("en-sent.bin");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TextModels.fromFiles("en", missing, copyOfBundled("en-token.bin")));
        assertTrue(e.getMessage().contains("Missing sentence model file: " + missing), e.getMessage());
    }

    @Test
    void truncatedModelIsNamed() throws IOException {
        Path token = copyOfBundled("en-token.bin");
        byte[] bytes = Files.readAllBytes(token);
        Files.write(token, Arrays.copyOf(bytes, bytes.length / 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TextModels.fromFiles("en", copyOfBundled("en-sent.bin"), token));
        assertTrue(e.getMessage().contains("Corrupt or unreadable tokenizer model file: " + token), e.getMessage());
    }

    @Test
    void garbageModelIsNamed() throws IOException {
        Path sent = dir.resolve("es-sent.bin");
        Files.writeString(sent, "this is not a model\n", StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TextModels.fromFiles("es", sent, copyOfBundled("es-token.bin")));
        assertTrue(e.getMessage().contains(sent.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("this is not a model"));
    }
}
