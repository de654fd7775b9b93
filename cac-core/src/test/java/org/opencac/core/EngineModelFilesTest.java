package org.opencac.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.nlp.text.TextModels;

/** Fault 2c at the engine level: an engine on a model folder with a corrupt or missing file refuses to start. */
class EngineModelFilesTest {
    @TempDir
    Path dir;

    private void copyBundled(String name) throws IOException {
        try (InputStream in = TextModels.class.getResourceAsStream(TextModels.MODEL_FOLDER + name)) {
            Files.copy(in, dir.resolve(name));
        }
    }

    @Test
    void corruptTokenModelStopsTheEngineNamingTheFile() throws IOException {
        copyBundled("en-sent.bin");
        Files.write(dir.resolve("en-token.bin"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 42});
        copyBundled("es-sent.bin");
        copyBundled("es-token.bin");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CodingEngine.create(EngineConfig.defaults(), Dictionaries.builder().build(), dir));
        assertTrue(e.getMessage().contains(dir.resolve("en-token.bin").toString()), e.getMessage());
    }

    @Test
    void missingSpanishModelStopsTheEngineNamingTheFile() throws IOException {
        copyBundled("en-sent.bin");
        copyBundled("en-token.bin");
        copyBundled("es-token.bin");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CodingEngine.create(EngineConfig.defaults(), Dictionaries.builder().build(), dir));
        assertTrue(e.getMessage().contains("Missing sentence model file: " + dir.resolve("es-sent.bin")),
                e.getMessage());
    }
}
