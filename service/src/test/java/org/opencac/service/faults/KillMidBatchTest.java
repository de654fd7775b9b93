package org.opencac.service.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.service.support.SlowCoderServiceMain;

/**
 * Fault 2a: the service process is killed with SIGKILL in the middle of an asynchronous batch, then restarted on the
 * same H2 file database. Every note acknowledged before the kill is stored exactly once, every acknowledged decision
 * is still there, and the interrupted job ends completed (resumed) or failed with a message. The service runs as a
 * child process (the real application class with the deterministic fake coder, slowed to 100 ms per note).
 */
class KillMidBatchTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "admin-test-password";
    private static final int SINGLE_NOTES = 5;
    private static final int BATCH_NOTES = 40;
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private Process child;
    private int port;
    private int adminPort;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedMidBatchLosesNothingAndResumes() throws Exception {
        Path database = dir.resolve("db").resolve("opencac");
        start("first");

        // Acknowledged single notes, each with a decision.
        Map<String, String> singleKeys = new LinkedHashMap<>(); // key -> note id
        Map<String, String> decisions = new LinkedHashMap<>(); // note id -> decision status of suggestion 1
        for (int i = 0; i < SINGLE_NOTES; i++) {
            String key = "single-" + i;
            HttpResponse<String> r = post("/api/v1/notes", Map.of("text", "Note " + i
                    + ": essential hypertension.", "language", "en"), key);
            assertEquals(201, r.statusCode(), r.body());
            singleKeys.put(key, json.readTree(r.body()).get("id").asText());
        }
        for (String noteId : singleKeys.values()) {
            HttpResponse<String> r = post("/api/v1/notes/" + noteId + "/suggestions/1/decision",
                    Map.of("action", "accept", "version", 1), null);
            assertEquals(200, r.statusCode(), r.body());
            decisions.put(noteId, "accepted");
        }

        // An acknowledged batch, killed after a few of its notes are coded.
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 0; i < BATCH_NOTES; i++) {
            notes.add(Map.of("text", "Batch note " + i + ": chest pain and essential hypertension.",
                    "language", "en"));
        }
        HttpResponse<String> accepted = post("/api/v1/batches", Map.of("notes", notes), null);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String jobId = json.readTree(accepted.body()).get("id").asText();

        JsonNode status = awaitBatch(jobId, s -> s.get("done").asInt() >= 3);
        // Decisions on notes the batch already stored, while it keeps running.
        int decidedInBatch = 0;
        for (JsonNode item : status.get("items")) {
            if (item.has("noteId") && decidedInBatch < 3) {
                String noteId = item.get("noteId").asText();
                HttpResponse<String> r = post("/api/v1/notes/" + noteId + "/suggestions/1/decision",
                        Map.of("action", "reject", "reason", "not documented", "version", 1), null);
                assertEquals(200, r.statusCode(), r.body());
                decisions.put(noteId, "rejected");
                decidedInBatch++;
            }
        }
        JsonNode beforeKill = get("/api/v1/batches/" + jobId);
        int doneBeforeKill = beforeKill.get("done").asInt();
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(doneBeforeKill < BATCH_NOTES, "the kill came too late to interrupt the batch");
        System.out.printf("KillMidBatchTest: killed with %d of %d batch notes done, %d decisions acknowledged%n",
                doneBeforeKill, BATCH_NOTES, decisions.size());

        // Restart on the same database: the job resumes.
        start("second");
        JsonNode end = awaitBatch(jobId, s -> !s.get("status").asText().equals("running")
                && !s.get("status").asText().equals("queued"));
        String outcome = end.get("status").asText();
        assertTrue(outcome.equals("completed") || (outcome.equals("failed") && end.hasNonNull("message")
                && !end.get("message").asText().isBlank()), end.toString());
        for (Map.Entry<String, String> decision : decisions.entrySet()) {
            JsonNode note = get("/api/v1/notes/" + decision.getKey());
            assertEquals(decision.getValue(), note.get("suggestions").get(0).get("decision").get("status").asText(),
                    "decision on note " + decision.getKey());
            assertEquals(2, note.get("version").asInt());
        }

        // Stop the service (SIGTERM) and count rows in its database directly.
        child.destroy();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        Jdbi jdbi = Jdbi.create("jdbc:h2:file:" + database, "sa", "");
        for (Map.Entry<String, String> single : singleKeys.entrySet()) {
            assertEquals(List.of(single.getValue()), jdbi.withHandle(h -> h.createQuery(
                    "SELECT id FROM note WHERE idempotency_key = :k").bind("k", single.getKey())
                    .mapTo(String.class).list()), "note " + single.getKey() + " stored exactly once");
        }
        for (int i = 0; i < BATCH_NOTES; i++) {
            String key = "batch:" + jobId + ":" + i;
            long copies = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM note WHERE idempotency_key = :k")
                    .bind("k", key).mapTo(Long.class).one());
            String itemStatus = end.get("items").get(i).get("status").asText();
            assertEquals(itemStatus.equals("done") ? 1 : 0, copies, "batch note " + i + " (" + itemStatus + ")");
            if (outcome.equals("completed")) {
                assertEquals("done", itemStatus, "batch note " + i);
            }
        }
        long decisionEvents = jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'decision'").mapTo(Long.class).one());
        assertEquals(decisions.size(), decisionEvents);
        long allNotes = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM note").mapTo(Long.class).one());
        assertEquals(SINGLE_NOTES + end.get("done").asInt(), allNotes);
        System.out.printf("KillMidBatchTest: after restart the job is %s, %d/%d done, %d notes stored%n", outcome,
                end.get("done").asInt(), BATCH_NOTES, allNotes);
    }

    // ------------------------------------------------------------------ the child process

    private void start(String name) throws Exception {
        port = freePort();
        adminPort = freePort();
        Path config = dir.resolve(name + ".yml");
        Files.writeString(config, String.join("\n",
                "server:",
                "  applicationConnectors:",
                "    - type: http",
                "      bindHost: 127.0.0.1",
                "      port: " + port,
                "  adminConnectors:",
                "    - type: http",
                "      bindHost: 127.0.0.1",
                "      port: " + adminPort,
                "  requestLog:",
                "    appenders: []",
                "database:",
                "  driverClass: org.h2.Driver",
                "  url: jdbc:h2:file:" + dir.resolve("db").resolve("opencac"),
                "  user: sa",
                "  password: \"\"",
                "  validationQuery: \"SELECT 1\"",
                "migrateOnStart: true",
                "passwordHashIterations: 1000",
                "bootstrapAdmin:",
                "  username: " + USER,
                "  password: " + PASSWORD,
                "logging:",
                "  level: WARN",
                ""), StandardCharsets.UTF_8);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve(name + ".log").toFile();
        child = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-Dcac.test.coderDelayMillis=100",
                "-cp", classPath, SlowCoderServiceMain.class.getName(), "server", config.toString())
                .redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), () -> "the service exited at start-up: " + tail(log));
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/healthcheck")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become healthy: " + tail(log));
    }

    private static String tail(File log) {
        try {
            String text = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private JsonNode awaitBatch(String jobId, java.util.function.Predicate<JsonNode> condition) throws Exception {
        JsonNode status = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            status = get("/api/v1/batches/" + jobId);
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("batch did not reach the expected state: " + status);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> post(String path, Object body, String idempotencyKey) throws Exception {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json.readTree(r.body());
        assertFalse(body.isNull());
        return body;
    }
}
