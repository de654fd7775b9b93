package org.opencac.service.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.core.CodingEngine;
import org.opencac.core.EngineConfig;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.nlp.text.TextModels;
import org.opencac.service.CacApplication;
import org.opencac.service.CacConfiguration;
import org.opencac.service.support.FakeCodeValidator;
import org.opencac.service.support.FakeVocabulary;

/**
 * Fault 2c in the service: the engine is built from a model folder whose Spanish token model is corrupt. The service
 * still starts (stored notes can be reviewed), the {@code coder} health check is red and names the file, and coding
 * requests answer 503.
 */
class CorruptModelHealthTest {
    @TempDir
    Path models;

    @Test
    void coderHealthCheckNamesTheCorruptFile() throws Exception {
        for (String name : new String[] {"en-sent.bin", "en-token.bin", "es-sent.bin"}) {
            try (InputStream in = TextModels.class.getResourceAsStream(TextModels.MODEL_FOLDER + name)) {
                Files.copy(in, models.resolve(name));
            }
        }
        Path corrupt = models.resolve("es-token.bin");
        Files.writeString(corrupt, "truncated download", StandardCharsets.UTF_8);

        DropwizardTestSupport<CacConfiguration> support = new DropwizardTestSupport<>(CacApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", "jdbc:h2:mem:corrupt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            @Override
            public Application<CacConfiguration> newApplication() {
                return new CacApplication(
                        () -> CodingEngine.create(EngineConfig.defaults(), Dictionaries.builder().build(), models),
                        new FakeCodeValidator(), new FakeVocabulary());
            }
        };
        support.before();
        try {
            ((CacApplication) support.getApplication()).coderHolder().awaitLoaded(60_000);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + support.getAdminPort() + "/healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, health.statusCode(), health.body());
            JsonNode coder = new ObjectMapper().readTree(health.body()).get("coder");
            assertFalse(coder.get("healthy").asBoolean());
            assertTrue(coder.get("message").asText().contains("Corrupt or unreadable tokenizer model file: " + corrupt),
                    coder.toString());
            assertTrue(new ObjectMapper().readTree(health.body()).get("database").get("healthy").asBoolean());

            HttpResponse<String> submit = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + support.getLocalPort() + "/api/v1/notes"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "admin:admin-test-password".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Chest pain.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, submit.statusCode(), submit.body());
            assertTrue(submit.body().contains("failed to load"), submit.body());
        } finally {
            support.after();
        }
    }
}
