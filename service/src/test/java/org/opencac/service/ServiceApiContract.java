package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencac.service.support.RunningService.ADMIN;
import static org.opencac.service.support.RunningService.CODER;
import static org.opencac.service.support.RunningService.EVALUATOR;
import static org.opencac.service.support.RunningService.INTEGRATION;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencac.service.support.RunningService;

/**
 * The HTTP contract of the service, run against every database the service supports: {@link H2ServiceApiTest}
 * always, {@link PostgresServiceApiTest} when a PostgreSQL URL is given.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceApiContract {
    static final String NOTE_TEXT = "Follow-up visit. History of essential hypertension, well controlled. "
            + "Patient also has type 2 diabetes on metformin.";
    /** Appears in notes to prove it never reaches an error message. */
    static final String SECRET = "Zebulon-Quartermaine-1957";

    RunningService service;

    abstract RunningService start() throws Exception;

    @BeforeAll
    void startService() throws Exception {
        service = start();
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    Map<String, Object> note(String text) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("text", text);
        note.put("externalEncounterId", "ENC-" + UUID.randomUUID());
        note.put("patientRef", "PAT-7");
        note.put("encounterType", "outpatient");
        note.put("dateOfService", "2019-06-01");
        note.put("language", "en");
        return note;
    }

    HttpResponse<String> submit(Map<String, Object> note, String idempotencyKey) throws Exception {
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return service.send(INTEGRATION, RunningService.password(INTEGRATION), "POST", "/api/v1/notes",
                "application/json", service.json(note), headers);
    }

    JsonNode submitOk(String text) throws Exception {
        HttpResponse<String> r = submit(note(text), null);
        assertEquals(201, r.statusCode(), r.body());
        return service.parse(r);
    }

    HttpResponse<String> decide(String noteId, int sid, Map<String, Object> body) throws Exception {
        return service.as(CODER, "POST", "/api/v1/notes/" + noteId + "/suggestions/" + sid + "/decision", body);
    }

    long notesStored() {
        return service.count("SELECT COUNT(*) FROM note");
    }

    // ---- submitting notes ----

    @Test
    void submittedNoteIsStoredWithSuggestionsInThePublicShape() throws Exception {
        HttpResponse<String> r = submit(note(NOTE_TEXT), null);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = service.parse(r);
        String id = body.get("id").asText();
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/notes/" + id));
        assertEquals(1, body.get("version").asInt());
        assertEquals("new", body.get("status").asText());
        assertEquals("fake-coder-1", body.get("coderVersion").asText());
        assertEquals("2019-06-01", body.get("dateOfService").asText());
        assertEquals("outpatient", body.get("encounterType").asText());
        assertTrue(body.get("createdAt").isTextual(), "createdAt should be ISO-8601 text");

        JsonNode suggestions = body.get("suggestions");
        assertEquals(2, suggestions.size());
        JsonNode first = suggestions.get(0);
        assertEquals(1, first.get("id").asInt());
        assertEquals("ICD-10-CM", first.get("system").asText());
        assertEquals("I10", first.get("code").asText());
        assertEquals(0.93, first.get("confidence").asDouble(), 1e-9);
        assertEquals("present", first.get("assertion").asText());
        assertEquals("FY2018", first.get("version").asText());
        assertEquals("pending", first.get("decision").get("status").asText());
        JsonNode evidence = first.get("evidence").get(0);
        assertEquals("essential hypertension",
                NOTE_TEXT.substring(evidence.get("start").asInt(), evidence.get("end").asInt()));
        assertEquals("essential hypertension", evidence.get("text").asText());

        JsonNode fetched = service.parse(service.get(CODER, "/api/v1/notes/" + id));
        assertEquals(NOTE_TEXT, fetched.get("text").asText());
        assertEquals(suggestions, fetched.get("suggestions"));
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheStoredNote() throws Exception {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> note = note(NOTE_TEXT);
        HttpResponse<String> first = submit(note, key);
        long before = notesStored();
        HttpResponse<String> retry = submit(note, key);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(service.parse(first).get("id"), service.parse(retry).get("id"));
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals(before, notesStored());
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() throws Exception {
        String key = "key-" + UUID.randomUUID();
        assertEquals(201, submit(note(NOTE_TEXT), key).statusCode());
        long before = notesStored();
        HttpResponse<String> reuse = submit(note("Chest pain since this morning."), key);
        assertEquals(422, reuse.statusCode(), reuse.body());
        assertTrue(service.parse(reuse).get("message").asText().contains("Idempotency-Key"));
        assertEquals(before, notesStored());
    }

    // ---- authentication and roles ----

    @Test
    void everyEndpointRequiresAuthentication() throws Exception {
        String noteId = submitOk(NOTE_TEXT).get("id").asText();
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/api/v1/notes"},
                new String[] {"GET", "/api/v1/notes/" + noteId},
                new String[] {"POST", "/api/v1/notes/" + noteId + "/suggestions/1/decision"},
                new String[] {"POST", "/api/v1/notes/" + noteId + "/suggestions"},
                new String[] {"POST", "/api/v1/notes/" + noteId + "/finalize"},
                new String[] {"GET", "/api/v1/notes/" + noteId + "/audit"},
                new String[] {"GET", "/api/v1/audit"},
                new String[] {"GET", "/api/v1/worklist"},
                new String[] {"POST", "/api/v1/batches"},
                new String[] {"GET", "/api/v1/batches/x"},
                new String[] {"GET", "/api/v1/feedback/acceptance"},
                new String[] {"GET", "/api/v1/feedback/export"},
                new String[] {"GET", "/api/v1/vocab/ICD-10-CM/codes/I10"},
                new String[] {"POST", "/api/v1/vocab/validate"},
                new String[] {"GET", "/api/v1/me"},
                new String[] {"GET", "/api/v1/users"},
                new String[] {"POST", "/api/v1/users"},
                new String[] {"GET", "/openapi.json"});
        for (String[] e : endpoints) {
            String body = e[0].equals("POST") ? "{}" : null;
            HttpResponse<String> anonymous = service.send(null, null, e[0], e[1], "application/json", body, Map.of());
            assertEquals(401, anonymous.statusCode(), e[0] + " " + e[1] + " without credentials");
            HttpResponse<String> wrong = service.send(CODER, "wrong-password", e[0], e[1], "application/json",
                    body, Map.of());
            assertEquals(401, wrong.statusCode(), e[0] + " " + e[1] + " with a wrong password");
        }
    }

    @Test
    void rolesAreEnforcedPerEndpoint() throws Exception {
        String noteId = submitOk(NOTE_TEXT).get("id").asText();
        assertEquals(403, service.as(CODER, "POST", "/api/v1/notes", note(NOTE_TEXT)).statusCode());
        assertEquals(403, service.as(INTEGRATION, "POST", "/api/v1/notes/" + noteId + "/suggestions/1/decision",
                Map.of("action", "accept", "version", 1)).statusCode());
        assertEquals(403, service.get(CODER, "/api/v1/audit").statusCode());
        assertEquals(403, service.get(INTEGRATION, "/api/v1/worklist").statusCode());
        assertEquals(403, service.get(EVALUATOR, "/api/v1/users").statusCode());
        assertEquals(403, service.as(CODER, "POST", "/api/v1/users",
                Map.of("username", "x", "password", "long-enough", "roles", List.of("admin"))).statusCode());
        assertEquals(200, service.get(EVALUATOR, "/api/v1/audit").statusCode());
        assertEquals(200, service.get(ADMIN, "/api/v1/audit").statusCode());
        JsonNode me = service.parse(service.get(CODER, "/api/v1/me"));
        assertEquals("coder1", me.get("username").asText());
        assertEquals("coder", me.get("roles").get(0).asText());
        // Nothing was decided by the refused call.
        assertEquals(1, service.parse(service.get(CODER, "/api/v1/notes/" + noteId)).get("version").asInt());
    }

    @Test
    void passwordsAreStoredAsPbkdf2Hashes() {
        String stored = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT password_hash FROM app_user WHERE username = 'coder1'").mapTo(String.class).one());
        assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
        assertFalse(stored.contains("coder1-password"));
    }

    // ---- review ----

    @Test
    void coderAcceptsRejectsAndFinalizesWithVersionsAndAudit() throws Exception {
        String id = submitOk(NOTE_TEXT).get("id").asText();

        HttpResponse<String> accepted = decide(id, 1, Map.of("action", "accept", "version", 1));
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonNode afterAccept = service.parse(accepted);
        assertEquals(2, afterAccept.get("version").asInt());
        assertEquals("in_review", afterAccept.get("status").asText());
        assertEquals("accepted", afterAccept.get("suggestions").get(0).get("decision").get("status").asText());
        assertEquals(CODER, afterAccept.get("suggestions").get(0).get("decision").get("by").asText());

        HttpResponse<String> stale = decide(id, 2, Map.of("action", "reject", "reason", "old", "version", 1));
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("pending", service.parse(service.get(CODER, "/api/v1/notes/" + id))
                .get("suggestions").get(1).get("decision").get("status").asText());

        HttpResponse<String> early = service.as(CODER, "POST", "/api/v1/notes/" + id + "/finalize",
                Map.of("version", 2));
        assertEquals(422, early.statusCode(), early.body());

        HttpResponse<String> rejected = decide(id, 2,
                Map.of("action", "reject", "reason", "metformin stopped", "version", 2));
        assertEquals(200, rejected.statusCode(), rejected.body());

        HttpResponse<String> finalized = service.as(CODER, "POST", "/api/v1/notes/" + id + "/finalize",
                Map.of("version", 3));
        assertEquals(200, finalized.statusCode(), finalized.body());
        JsonNode done = service.parse(finalized);
        assertEquals("finalized", done.get("status").asText());
        assertEquals(4, done.get("version").asInt());
        assertEquals(CODER, done.get("finalizedBy").asText());

        HttpResponse<String> afterFinal = decide(id, 2, Map.of("action", "accept", "version", 4));
        assertEquals(409, afterFinal.statusCode(), afterFinal.body());

        JsonNode audit = service.parse(service.get(EVALUATOR, "/api/v1/notes/" + id + "/audit"));
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("created", "decision", "decision", "finalized"), actions);
        JsonNode rejection = audit.get(2);
        assertEquals(CODER, rejection.get("actor").asText());
        assertEquals(2, rejection.get("suggestionId").asInt());
        assertTrue(rejection.get("before").asText().contains("pending"), rejection.toString());
        assertTrue(rejection.get("after").asText().contains("metformin stopped"), rejection.toString());
        assertEquals(403, service.get(CODER, "/api/v1/notes/" + id + "/audit").statusCode());
    }

    @Test
    void auditTrailCannotBeRewrittenInTheDatabase() throws Exception {
        submitOk(NOTE_TEXT);
        long events = service.count("SELECT COUNT(*) FROM audit_event");
        assertTrue(events > 0);
        org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.JdbiException.class, () -> service.jdbi()
                .useHandle(h -> h.execute("UPDATE audit_event SET actor = 'someone-else'")));
        org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.JdbiException.class, () -> service.jdbi()
                .useHandle(h -> h.execute("DELETE FROM audit_event")));
        assertEquals(events, service.count("SELECT COUNT(*) FROM audit_event"));
        assertEquals(0, service.count("SELECT COUNT(*) FROM audit_event WHERE actor = 'someone-else'"));
    }

    @Test
    void replacementCodesAreValidatedForTheDateOfService() throws Exception {
        String id = submitOk(NOTE_TEXT).get("id").asText();
        HttpResponse<String> unknown = decide(id, 2, Map.of("action", "replace", "reason", "more specific",
                "replacement", Map.of("system", "ICD-10-CM", "code", "X99.99"), "version", 1));
        assertEquals(422, unknown.statusCode());
        assertTrue(service.parse(unknown).get("message").asText().contains("X99.99 does not exist"));

        // U07.1 came into force in 2020; the note's date of service is 2019-06-01.
        HttpResponse<String> tooEarly = decide(id, 2, Map.of("action", "replace", "reason", "covid",
                "replacement", Map.of("system", "ICD-10-CM", "code", "U07.1"), "version", 1));
        assertEquals(422, tooEarly.statusCode());
        assertTrue(service.parse(tooEarly).get("message").asText().contains("not valid on 2019-06-01"));

        HttpResponse<String> badSystem = decide(id, 2, Map.of("action", "replace", "reason", "x",
                "replacement", Map.of("system", "ICD-9", "code", "250.00"), "version", 1));
        assertEquals(422, badSystem.statusCode());

        HttpResponse<String> noReason = decide(id, 2, Map.of("action", "reject", "version", 1));
        assertEquals(422, noReason.statusCode());
        HttpResponse<String> noVersion = decide(id, 2, Map.of("action", "accept"));
        assertEquals(422, noVersion.statusCode());

        HttpResponse<String> replaced = decide(id, 2, Map.of("action", "replace", "reason", "with hyperglycemia",
                "replacement", Map.of("system", "ICD-10-CM", "code", "e11.65"), "version", 1));
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode decision = service.parse(replaced).get("suggestions").get(1).get("decision");
        assertEquals("replaced", decision.get("status").asText());
        assertEquals("E11.65", decision.get("replacement").get("code").asText());
        assertEquals(2, service.parse(replaced).get("version").asInt());
    }

    @Test
    void coderCanAddAMissedCodeOnce() throws Exception {
        String id = submitOk(NOTE_TEXT).get("id").asText();
        int start = NOTE_TEXT.indexOf("well controlled");
        HttpResponse<String> added = service.as(CODER, "POST", "/api/v1/notes/" + id + "/suggestions",
                Map.of("system", "ICD-10-CM", "code", "R07.89", "reason", "documented elsewhere",
                        "evidence", List.of(Map.of("start", start, "end", start + 15)), "version", 1));
        assertEquals(201, added.statusCode(), added.body());
        JsonNode third = service.parse(added).get("suggestions").get(2);
        assertEquals(3, third.get("id").asInt());
        assertEquals("coder", third.get("origin").asText());
        assertEquals("accepted", third.get("decision").get("status").asText());
        assertEquals("well controlled", third.get("evidence").get(0).get("text").asText());

        HttpResponse<String> again = service.as(CODER, "POST", "/api/v1/notes/" + id + "/suggestions",
                Map.of("system", "ICD-10-CM", "code", "R07.89", "version", 2));
        assertEquals(409, again.statusCode(), again.body());
        HttpResponse<String> header = service.as(CODER, "POST", "/api/v1/notes/" + id + "/suggestions",
                Map.of("system", "ICD-10-CM", "code", "E11", "version", 2));
        assertEquals(422, header.statusCode(), header.body());
    }

    @Test
    void decisionsOnMissingNotesOrSuggestionsAre404AndChangeNothing() throws Exception {
        String id = submitOk(NOTE_TEXT).get("id").asText();
        long events = service.count("SELECT COUNT(*) FROM audit_event");
        HttpResponse<String> missingSuggestion = decide(id, 99, Map.of("action", "accept", "version", 1));
        assertEquals(404, missingSuggestion.statusCode());
        assertTrue(service.parse(missingSuggestion).get("message").asText().contains("no suggestion 99"));
        assertEquals(404, decide("no-such-note", 1, Map.of("action", "accept", "version", 1)).statusCode());
        assertEquals(404, service.get(CODER, "/api/v1/notes/no-such-note").statusCode());
        assertEquals(events, service.count("SELECT COUNT(*) FROM audit_event"));
        assertEquals(1, service.parse(service.get(CODER, "/api/v1/notes/" + id)).get("version").asInt());
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneNote() throws Exception {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> note = note(NOTE_TEXT);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> submit(note, key)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var call : calls) {
                HttpResponse<String> r = call.get();
                assertEquals(201, r.statusCode(), r.body());
                ids.add(service.parse(r).get("id").asText());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, service.count("SELECT COUNT(*) FROM note WHERE idempotency_key = '" + key + "'"));
    }

    @Test
    void concurrentDecisionsOnOneVersionLetExactlyOneWin() throws Exception {
        String id = submitOk(NOTE_TEXT).get("id").asText();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var accept = pool.submit(() -> decide(id, 1, Map.of("action", "accept", "version", 1)));
            var reject = pool.submit(() -> decide(id, 2, Map.of("action", "reject", "reason", "no", "version", 1)));
            List<Integer> statuses = new ArrayList<>(List.of(accept.get().statusCode(), reject.get().statusCode()));
            java.util.Collections.sort(statuses);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdown();
        }
        JsonNode note = service.parse(service.get(CODER, "/api/v1/notes/" + id));
        assertEquals(2, note.get("version").asInt());
        long decided = 0;
        for (JsonNode s : note.get("suggestions")) {
            decided += s.get("decision").get("status").asText().equals("pending") ? 0 : 1;
        }
        assertEquals(1, decided);
    }

    /**
     * Fault 2d: many coders decide on the same suggestion of the same version at once. Exactly one request wins;
     * every other one gets 409 (never 500, never a second write); the audit holds exactly one decision.
     */
    @Test
    void manyConcurrentDecisionsOnOneSuggestionLetExactlyOneWin() throws Exception {
        int threads = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                String id = submitOk(NOTE_TEXT).get("id").asText();
                java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<HttpResponse<String>>> calls = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Map<String, Object> body = t % 2 == 0 ? Map.of("action", "accept", "version", 1)
                            : Map.of("action", "reject", "reason", "thread " + t, "version", 1);
                    calls.add(pool.submit(() -> {
                        gate.await();
                        return decide(id, 1, body);
                    }));
                }
                gate.countDown();
                int won = 0;
                int conflicts = 0;
                for (var call : calls) {
                    HttpResponse<String> r = call.get();
                    if (r.statusCode() == 200) {
                        won++;
                    } else {
                        assertEquals(409, r.statusCode(), r.body());
                        assertEquals(409, service.parse(r).get("code").asInt());
                        conflicts++;
                    }
                }
                assertEquals(1, won, "round " + round);
                assertEquals(threads - 1, conflicts, "round " + round);
                JsonNode note = service.parse(service.get(CODER, "/api/v1/notes/" + id));
                assertEquals(2, note.get("version").asInt());
                assertEquals(1, service.count("SELECT COUNT(*) FROM audit_event WHERE action = 'decision' "
                        + "AND note_id = '" + id + "'"));
            }
        } finally {
            pool.shutdown();
        }
    }

    // ---- bad input ----

    void assertRefusedWithoutWriting(HttpResponse<String> r, int status, String messagePart) {
        assertRefusedWithoutWriting(r.statusCode(), r.body(), status, messagePart);
    }

    void assertRefusedWithoutWriting(int actualStatus, String text, int status, String messagePart) {
        assertEquals(status, actualStatus, text);
        JsonNode body = service.parse(text);
        assertEquals(status, body.get("code").asInt());
        assertTrue(body.get("message").asText().contains(messagePart), body.toString());
        assertFalse(text.contains(SECRET), "an error message quoted the note");
    }

    @Test
    void badNotesAreRefusedWithClearErrorsAndNothingStored() throws Exception {
        long before = notesStored();
        assertRefusedWithoutWriting(submit(note(""), null), 422, "non-empty");
        assertRefusedWithoutWriting(submit(note(" \n\t "), null), 422, "non-empty");
        assertRefusedWithoutWriting(submit(note(SECRET + " \u0000\u0001 binary"), null), 422, "control character");
        assertRefusedWithoutWriting(submit(note(SECRET + " \uFFFD"), null), 422, "U+FFFD");

        Map<String, Object> withoutText = note("x");
        withoutText.remove("text");
        assertRefusedWithoutWriting(submit(withoutText, null), 422, "non-empty");

        Map<String, Object> unknownField = note(SECRET);
        unknownField.put("patientName", "Someone");
        assertRefusedWithoutWriting(submit(unknownField, null), 400, "Unknown field 'patientName'");

        Map<String, Object> badEnum = note(SECRET);
        badEnum.put("encounterType", "emergency");
        assertRefusedWithoutWriting(submit(badEnum, null), 400, "encounterType");

        Map<String, Object> badDate = note(SECRET);
        badDate.put("dateOfService", "01/06/2019");
        assertRefusedWithoutWriting(submit(badDate, null), 400, "dateOfService");

        String pw = RunningService.password(INTEGRATION);
        assertRefusedWithoutWriting(service.send(INTEGRATION, pw, "POST", "/api/v1/notes", "application/json",
                "{\"text\": \"" + SECRET + "\", ", Map.of()), 400, "Malformed JSON");
        assertRefusedWithoutWriting(service.send(INTEGRATION, pw, "POST", "/api/v1/notes", "application/json",
                "{\"text\": " + SECRET + "}", Map.of()), 400, "Malformed JSON");
        byte[] latin1 = ("{\"text\": \"" + SECRET + " caf\u00e9 \"}").getBytes(StandardCharsets.ISO_8859_1);
        assertRefusedWithoutWriting(service.sendBytes(INTEGRATION, pw, "POST", "/api/v1/notes", "application/json",
                latin1, Map.of()), 400, "not UTF-8");
        HttpResponse<String> plain = service.send(INTEGRATION, pw, "POST", "/api/v1/notes", "text/plain",
                SECRET, Map.of());
        assertEquals(415, plain.statusCode(), plain.body());
        assertFalse(plain.body().contains(SECRET));
        assertEquals(415, service.parse(plain).get("code").asInt());

        assertEquals(before, notesStored());
    }

    @Test
    void oversizedNotesAreRefusedWith413() throws Exception {
        long before = notesStored();
        // 10 MB: refused by the request size limit from Content-Length alone, before the body is sent.
        RunningService.RawAnswer tooLarge = service.announceBody(INTEGRATION, RunningService.password(INTEGRATION),
                "POST", "/api/v1/notes", "application/json", 10L * 1024 * 1024);
        assertRefusedWithoutWriting(tooLarge.status(), tooLarge.body(), 413, "limit");
        // 1.5 MB: within the request limit but over the 1 MB note limit.
        assertRefusedWithoutWriting(submit(note("b".repeat(1536 * 1024)), null), 413, "1048576 bytes");
        // Just under the note limit is fine.
        assertEquals(201, submit(note("essential hypertension " + "c".repeat(1000 * 1024)), null).statusCode());
        assertEquals(before + 1, notesStored());
    }

    // ---- worklist ----

    @Test
    void worklistPagesAndFiltersByStatus() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submitOk(NOTE_TEXT).get("id").asText());
        }
        assertEquals(200, decide(ids.get(0), 1, Map.of("action", "accept", "version", 1)).statusCode());

        JsonNode inReview = service.parse(service.get(CODER, "/api/v1/worklist?status=in_review&page=1&size=100"));
        List<String> inReviewIds = new ArrayList<>();
        inReview.get("items").forEach(item -> inReviewIds.add(item.get("id").asText()));
        assertTrue(inReviewIds.contains(ids.get(0)));
        assertFalse(inReviewIds.contains(ids.get(1)));
        inReview.get("items").forEach(item -> assertFalse(item.has("text"), "worklist must not carry note text"));

        JsonNode pageOne = service.parse(service.get(CODER, "/api/v1/worklist?status=new&page=1&size=2"));
        JsonNode pageTwo = service.parse(service.get(CODER, "/api/v1/worklist?status=new&page=2&size=2"));
        assertEquals(2, pageOne.get("items").size());
        assertTrue(pageOne.get("total").asLong() >= 2);
        if (pageTwo.get("items").size() > 0) {
            assertNotEquals(pageOne.get("items").get(0).get("id"), pageTwo.get("items").get(0).get("id"));
        }
        assertEquals(400, service.get(CODER, "/api/v1/worklist?status=done").statusCode());
        assertEquals(400, service.get(CODER, "/api/v1/worklist?size=0").statusCode());
    }

    // ---- batches ----

    @Test
    void batchIsAcceptedAndCodedInTheBackground() throws Exception {
        List<Map<String, Object>> notes = List.of(note(NOTE_TEXT), note("Chest pain at rest."), note("No findings."));
        HttpResponse<String> accepted = service.as(INTEGRATION, "POST", "/api/v1/batches", Map.of("notes", notes));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String jobId = service.parse(accepted).get("id").asText();

        JsonNode status = awaitBatch(jobId);
        assertEquals("completed", status.get("status").asText(), status.toString());
        assertEquals(3, status.get("done").asInt());
        JsonNode second = service.parse(service.get(CODER, "/api/v1/notes/"
                + status.get("items").get(1).get("noteId").asText()));
        assertEquals("R07.9", second.get("suggestions").get(0).get("code").asText());
        assertEquals(0, service.parse(service.get(CODER, "/api/v1/notes/"
                + status.get("items").get(2).get("noteId").asText())).get("suggestions").size());
    }

    @Test
    void batchWithABadNoteIsRefusedWhole() throws Exception {
        long jobs = service.count("SELECT COUNT(*) FROM batch_job");
        HttpResponse<String> refused = service.as(INTEGRATION, "POST", "/api/v1/batches",
                Map.of("notes", List.of(note(NOTE_TEXT), note("  "))));
        assertEquals(422, refused.statusCode());
        assertTrue(service.parse(refused).get("message").asText().contains("notes[1].text"));
        assertEquals(422, service.as(INTEGRATION, "POST", "/api/v1/batches", Map.of("notes", List.of()))
                .statusCode());
        assertEquals(jobs, service.count("SELECT COUNT(*) FROM batch_job"));
        assertEquals(404, service.get(INTEGRATION, "/api/v1/batches/no-such-job").statusCode());
    }

    JsonNode awaitBatch(String jobId) throws Exception {
        JsonNode status = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            status = service.parse(service.get(INTEGRATION, "/api/v1/batches/" + jobId));
            String s = status.get("status").asText();
            if (s.equals("completed") || s.equals("failed")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch did not finish: " + status);
    }

    // ---- feedback ----

    @Test
    void feedbackCountsDecisionsAndExportsThemAsJsonLines() throws Exception {
        String id = submitOk(NOTE_TEXT).get("id").asText();
        assertEquals(200, decide(id, 1, Map.of("action", "accept", "version", 1)).statusCode());
        assertEquals(200, decide(id, 2, Map.of("action", "reject", "reason", "not documented", "version", 2))
                .statusCode());

        JsonNode byCode = service.parse(service.get(EVALUATOR, "/api/v1/feedback/acceptance?by=code"));
        JsonNode i10 = find(byCode, "code", "I10");
        JsonNode e119 = find(byCode, "code", "E11.9");
        assertTrue(i10.get("accepted").asLong() >= 1);
        assertTrue(e119.get("rejected").asLong() >= 1);
        assertEquals((double) i10.get("accepted").asLong() / (i10.get("accepted").asLong()
                + i10.get("rejected").asLong() + i10.get("replaced").asLong()),
                i10.get("acceptanceRate").asDouble(), 1e-9);
        JsonNode byVersion = service.parse(service.get(EVALUATOR, "/api/v1/feedback/acceptance?by=version"));
        assertNotNull(find(byVersion, "version", "fake-coder-1"));

        HttpResponse<String> export = service.get(EVALUATOR, "/api/v1/feedback/export");
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-ndjson"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            lines.add(service.mapper.readTree(line));
        }
        JsonNode rejected = lines.stream().filter(l -> l.get("noteId").asText().equals(id)
                && l.get("suggestionId").asInt() == 2).findFirst().orElseThrow();
        assertEquals("rejected", rejected.get("decision").asText());
        assertEquals(0, rejected.get("label").asInt());
        assertEquals("E11.9", rejected.get("suggestion").get("code").asText());
        assertEquals("fake-coder-1", rejected.get("pipelineVersion").asText());
        assertEquals(403, service.get(CODER, "/api/v1/feedback/export").statusCode());
    }

    static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.get(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + "=" + value + " in " + rows);
    }

    // ---- vocabulary ----

    @Test
    void vocabularyEndpointsAnswerFromTheVocabulary() throws Exception {
        JsonNode i10 = service.parse(service.get(CODER, "/api/v1/vocab/ICD-10-CM/codes/I10?date=2018-01-01"));
        assertEquals("Essential (primary) hypertension", i10.get("title").asText());
        assertEquals(404, service.get(CODER, "/api/v1/vocab/ICD-10-CM/codes/Z99.999").statusCode());
        assertEquals(400, service.get(CODER, "/api/v1/vocab/ICD-9/codes/I10").statusCode());
        assertEquals(400, service.get(CODER, "/api/v1/vocab/ICD-10-CM/codes/I10?date=yesterday").statusCode());

        JsonNode children = service.parse(service.get(CODER, "/api/v1/vocab/ICD-10-CM/codes/E11/children"));
        assertEquals(2, children.size());
        HttpResponse<String> missing = service.get(CODER, "/api/v1/vocab/ICD-10-CM/codes/E11/descendants");
        assertEquals(501, missing.statusCode());
        assertTrue(service.parse(missing).get("message").asText().contains("hierarchy not loaded"));
        JsonNode search = service.parse(service.get(CODER, "/api/v1/vocab/ICD-10-CM/search?q=hyperglycemia"));
        assertEquals("E11.65", search.get(0).get("code").asText());
        JsonNode diff = service.parse(service.get(EVALUATOR, "/api/v1/vocab/ICD-10-CM/diff?from=FY2017&to=FY2018"));
        assertEquals("added", diff.get(0).get("kind").asText());

        JsonNode validated = service.parse(service.as(INTEGRATION, "POST", "/api/v1/vocab/validate",
                Map.of("dateOfService", "2019-01-01", "codes", List.of(
                        Map.of("system", "ICD-10-CM", "code", "i10"),
                        Map.of("system", "ICD-10-CM", "code", "U07.1")))));
        assertTrue(validated.get(0).get("valid").asBoolean());
        assertEquals("I10", validated.get(0).get("canonicalCode").asText());
        assertFalse(validated.get(1).get("valid").asBoolean());
        assertTrue(validated.get(1).get("problem").asText().contains("2019-01-01"));
    }

    // ---- operations ----

    @Test
    void healthChecksAndMetricsAreOnTheAdminPort() throws Exception {
        HttpResponse<String> health = service.getAdmin("/healthcheck");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode checks = service.parse(health);
        assertTrue(checks.get("database").get("healthy").asBoolean());
        assertTrue(checks.get("coder").get("healthy").asBoolean());
        assertTrue(checks.get("coder").get("message").asText().contains("fake-coder-1"));

        submitOk(NOTE_TEXT);
        JsonNode metrics = service.parse(service.getAdmin("/metrics"));
        JsonNode timer = metrics.get("timers").get("org.opencac.service.resources.NotesResource.submit");
        assertNotNull(timer, "submit timer missing");
        assertTrue(timer.get("count").asLong() >= 1);
    }
}
