package org.opencac.service.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencac.service.support.RunningService;
import org.opencac.service.support.TcpProxy;

/**
 * Fault 2b: the database goes away while the service runs. The health check turns red, API calls answer 503 with a
 * clear message (not 500) and store nothing, and once the database is back the service answers normally again
 * without a restart. H2 always (a TCP server this test stops and starts); PostgreSQL when CAC_TEST_POSTGRES_URL is
 * set (reached through a loopback proxy this test blocks, so the shared server keeps running).
 */
class DatabaseOutageTest {
    private static final String TEXT = "Follow-up visit. Essential hypertension, well controlled.";
    private static final long RECOVERY_MILLIS = 60_000;

    @TempDir
    Path tempDir;

    interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    @Test
    void h2TcpServerStoppedAndRestarted() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path base = Files.createDirectories(tempDir.resolve("h2"));
        String[] args = {"-tcp", "-tcpPort", String.valueOf(port), "-baseDir", base.toString(), "-ifNotExists"};
        Server[] server = {Server.createTcpServer(args).start()};
        try (RunningService service = new RunningService("org.h2.Driver",
                "jdbc:h2:tcp://127.0.0.1:" + port + "/cac", "sa", "")) {
            exercise(service, new Outage() {
                @Override
                public void begin() {
                    server[0].stop();
                }

                @Override
                public void end() throws Exception {
                    server[0] = Server.createTcpServer(args).start();
                }
            });
        } finally {
            server[0].stop();
        }
    }

    @Test
    void postgresBlockedAndUnblocked() throws Exception {
        String url = System.getProperty("cac.test.postgresUrl");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            url = System.getenv("CAC_TEST_POSTGRES_URL");
        }
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "no PostgreSQL URL given");
        Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        Assumptions.assumeTrue(hostPort.find(), "PostgreSQL URL without host:port");
        String schema = "cac_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (TcpProxy proxy = new TcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)))) {
            String proxied = url.substring(0, hostPort.start()) + "//127.0.0.1:" + proxy.port() + "/"
                    + url.substring(hostPort.end());
            String separator = proxied.contains("?") ? "&" : "?";
            try (RunningService service = new RunningService("org.postgresql.Driver",
                    proxied + separator + "currentSchema=" + schema, null, null)) {
                exercise(service, new Outage() {
                    @Override
                    public void begin() throws Exception {
                        proxy.block();
                    }

                    @Override
                    public void end() throws Exception {
                        proxy.unblock();
                    }
                });
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void exercise(RunningService service, Outage outage) throws Exception {
        // Before: healthy, a note is stored and a coder has logged in (so her credentials are cached).
        assertEquals(200, service.getAdmin("/healthcheck").statusCode());
        HttpResponse<String> before = submit(service, "before-" + UUID.randomUUID());
        assertEquals(201, before.statusCode(), before.body());
        String noteId = service.parse(before).get("id").asText();
        assertEquals(200, service.get(RunningService.CODER, "/api/v1/notes/" + noteId).statusCode());

        outage.begin();
        try {
            HttpResponse<String> health = service.getAdmin("/healthcheck");
            assertEquals(500, health.statusCode(), health.body());
            JsonNode database = service.parse(health).get("database");
            assertEquals(false, database.get("healthy").asBoolean(), health.body());
            assertEquals(true, service.parse(health).get("coder").get("healthy").asBoolean(), health.body());

            assertUnavailable(service, submit(service, "during-" + UUID.randomUUID()));
            assertUnavailable(service, service.get(RunningService.CODER, "/api/v1/notes/" + noteId));
            assertUnavailable(service, service.as(RunningService.CODER, "POST",
                    "/api/v1/notes/" + noteId + "/suggestions/1/decision", Map.of("action", "accept", "version", 1)));
            assertUnavailable(service, service.get(RunningService.CODER, "/api/v1/worklist"));
            // A user whose login is not cached: the authenticator itself needs the database.
            assertUnavailable(service, service.send("nobody", "wrong", "GET", "/api/v1/me", null, null, Map.of()));
        } finally {
            outage.end();
        }

        // After: the service recovers by itself (pool connections are re-validated), within a bounded wait.
        HttpResponse<String> after = null;
        String key = "after-" + UUID.randomUUID();
        long deadline = System.currentTimeMillis() + RECOVERY_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            after = submit(service, key);
            if (after.statusCode() != 503) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(201, after.statusCode(), after.body());
        assertEquals(200, service.getAdmin("/healthcheck").statusCode());
        assertEquals(200, service.get(RunningService.CODER, "/api/v1/notes/" + noteId).statusCode());
        assertEquals(2, service.count("SELECT COUNT(*) FROM note"), "exactly the two acknowledged notes");
        assertEquals(0, service.count("SELECT COUNT(*) FROM note WHERE idempotency_key LIKE 'during-%'"));
    }

    private static HttpResponse<String> submit(RunningService service, String key) throws Exception {
        return service.send(RunningService.INTEGRATION, RunningService.password(RunningService.INTEGRATION), "POST",
                "/api/v1/notes", "application/json", service.json(Map.of("text", TEXT, "language", "en")),
                Map.of("Idempotency-Key", key));
    }

    private static void assertUnavailable(RunningService service, HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        JsonNode body = service.parse(response);
        assertEquals(503, body.get("code").asInt());
        assertTrue(body.get("message").asText().toLowerCase(Locale.ROOT).contains("database is unavailable"),
                response.body());
        assertTrue(!response.body().contains(TEXT), "an error quoted the note");
    }
}
