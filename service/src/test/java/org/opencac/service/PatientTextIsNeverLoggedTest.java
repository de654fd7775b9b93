package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencac.service.support.FakeNoteCoder;
import org.opencac.service.support.RunningService;
import org.slf4j.LoggerFactory;

/** Note text is patient data: no log line or error message may carry it, even when the engine fails. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientTextIsNeverLoggedTest {
    private static final String SECRET = "Philomena-Ravenscroft-1932";

    private RunningService service;
    private ListAppender<ILoggingEvent> captured;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.onFreshH2();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // INFO is the level the bundled configuration runs at (DEBUG of Jetty dumps raw request bytes).
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return service.send(RunningService.INTEGRATION, RunningService.password(RunningService.INTEGRATION), "POST",
                path, "application/json", body, Map.of());
    }

    @Test
    void failuresAndBadRequestsDoNotLeakTheNote() throws Exception {
        String failing = FakeNoteCoder.FAIL_TRIGGER + " " + SECRET;
        HttpResponse<String> engineFailure = post("/api/v1/notes", service.json(Map.of("text", failing)));
        assertEquals(500, engineFailure.statusCode());
        assertFalse(engineFailure.body().contains(SECRET));

        List<String> badBodies = List.of(
                "{\"text\": \"" + SECRET + "\", \"nickname\": \"" + SECRET + "\"}",
                "{\"text\": " + SECRET + "}",
                "{\"text\": \"" + SECRET + "\", \"encounterType\": \"" + SECRET + "\"}",
                "{\"text\": [\"" + SECRET + "\"]}");
        for (String body : badBodies) {
            HttpResponse<String> r = post("/api/v1/notes", body);
            assertEquals(400, r.statusCode(), r.body());
            assertFalse(r.body().contains(SECRET), r.body());
        }
        assertEquals(201, post("/api/v1/notes", service.json(Map.of("text", "essential hypertension " + SECRET)))
                .statusCode());
        assertEquals(202, post("/api/v1/batches", service.json(Map.of("notes",
                List.of(Map.of("text", failing), Map.of("text", SECRET)))))
                .statusCode());
        Thread.sleep(500); // let the batch worker run; the assertion below holds either way

        List<ILoggingEvent> events = List.copyOf(captured.list);
        assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Coding failed for note")),
                "the engine failure should have been logged (without the text)");
        for (ILoggingEvent event : events) {
            assertFalse(event.getFormattedMessage().contains(SECRET), event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.getClassName());
            }
        }
    }
}
