package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production wiring end to end: the real coding engine and the bundled dictionaries behind the API. */
class RealEngineServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    private static DropwizardTestSupport<CacConfiguration> support;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(System.getenv("CAC_ADMIN_PASSWORD") == null, "admin password overridden");
        support = new DropwizardTestSupport<>(CacApplication.class, CacApplication.DEFAULT_CONFIG,
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", "jdbc:h2:mem:real-engine;DB_CLOSE_DELAY=-1"));
        support.before();
    }

    @AfterAll
    static void stop() {
        if (support != null) {
            support.after();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", BASIC).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(String path) {
        return "http://localhost:" + support.getLocalPort() + path;
    }

    /** The engine loads in the background; a submission answers 503 until it is ready. */
    private static HttpResponse<String> submitWhenReady(String body) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/v1/notes")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void submittedNoteGetsRealSuggestionsWithExactEvidence() throws Exception {
        String text = "Type 2 diabetes mellitus without complications. Denies chest pain.";
        String body = JSON.writeValueAsString(java.util.Map.of("text", text, "language", "en",
                "encounterType", "outpatient", "dateOfService", "2018-03-01"));
        HttpResponse<String> response = submitWhenReady(body);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode suggestions = JSON.readTree(response.body()).get("suggestions");
        boolean sawE119 = false;
        for (JsonNode suggestion : suggestions) {
            String code = suggestion.get("code").asText();
            assertTrue(!code.startsWith("R07"), "denied chest pain must not be suggested: " + code);
            for (JsonNode evidence : suggestion.get("evidence")) {
                int start = evidence.get("start").asInt();
                int end = evidence.get("end").asInt();
                assertEquals(text.substring(start, end), evidence.get("text").asText());
            }
            sawE119 |= code.equals("E11.9") && suggestion.get("version").asText().equals("FY2018");
        }
        assertTrue(sawE119, response.body());
    }

    @Test
    void vocabularyAnswersFromTheBundledCodeSets() throws Exception {
        HttpResponse<String> children = send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/vocab/ICD-10-CM/codes/E11/children?date=2018-03-01"))).GET());
        assertEquals(200, children.statusCode(), children.body());
        assertTrue(children.body().contains("\"E11.9\""), children.body());

        HttpResponse<String> search = send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/vocab/ICD-10-CM/search?q=essential%20hypertension"))).GET());
        assertEquals(200, search.statusCode(), search.body());
        assertTrue(search.body().contains("\"I10\""), search.body());

        HttpResponse<String> diff = send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/vocab/ICD-10-CM/diff?from=FY2018&to=FY2026"))).GET());
        assertEquals(200, diff.statusCode(), diff.body());
        assertTrue(diff.body().contains("\"U07.1\""), "COVID-19 was added after FY2018");
    }
}
