package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opencac.service.support.RunningService;

/**
 * Property-based fuzzing of the HTTP API (jqwik): malformed and truncated JSON, deeply nested JSON, random bytes,
 * well-formed JSON of the wrong shape, wrong content types and huge strings, sent to every endpoint that takes a body.
 * Each answer must be a 4xx (never 5xx) and no table may change: rows are counted before and after every request.
 */
class ApiFuzzPropertiesTest {
    private static RunningService service;
    private static String noteId;

    /** An endpoint taking a JSON body, and the user allowed to call it. */
    record Endpoint(String path, String user) {
        @Override
        public String toString() {
            return path;
        }
    }

    /** A request body with its content type. */
    record Body(String contentType, byte[] bytes, String kind) {
        @Override
        public String toString() {
            return kind + " (" + bytes.length + " bytes, " + contentType + ")";
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        service = RunningService.onFreshH2();
        HttpResponse<String> r = service.as(RunningService.INTEGRATION, "POST", "/api/v1/notes",
                Map.of("text", "Essential hypertension and type 2 diabetes.", "language", "en"));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("setup note refused: " + r.body());
        }
        noteId = service.parse(r).get("id").asText();
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(
                new Endpoint("/api/v1/notes", RunningService.INTEGRATION),
                new Endpoint("/api/v1/batches", RunningService.INTEGRATION),
                new Endpoint("/api/v1/notes/" + noteId + "/suggestions/1/decision", RunningService.CODER),
                new Endpoint("/api/v1/notes/" + noteId + "/suggestions", RunningService.CODER),
                new Endpoint("/api/v1/notes/" + noteId + "/finalize", RunningService.CODER),
                new Endpoint("/api/v1/vocab/validate", RunningService.CODER),
                new Endpoint("/api/v1/users", RunningService.ADMIN));
    }

    private static Body json(String text, String kind) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8), kind);
    }

    private static Arbitrary<String> anyString(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength);
    }

    /** A well-formed request that would be accepted (by the notes endpoint), to be broken by the generators. */
    private static String validNote(String text) {
        return service.json(Map.of("text", text, "language", "en"));
    }

    @Provide
    Arbitrary<Body> truncatedJson() {
        return Combinators.combine(anyString(60).filter(s -> !s.isBlank()), Arbitraries.doubles().between(0, 1))
                .as((text, cut) -> {
                    String full = validNote(text);
                    return json(full.substring(0, (int) (cut * (full.length() - 1))), "truncated JSON");
                });
    }

    @Provide
    Arbitrary<Body> deeplyNested() {
        return Combinators.combine(Arbitraries.integers().between(1, 20_000), Arbitraries.of("[", "{\"a\":"),
                Arbitraries.of(true, false)).as((depth, open, inText) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    return json(inText ? "{\"text\":" + nested + "}" : nested, "nested depth " + depth);
                });
    }

    @Provide
    Arbitrary<Body> randomBytes() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.of("application/json", "application/json; charset=UTF-8")).as(
                (bytes, type) -> new Body(type, bytes, "random bytes"));
    }

    /** Well-formed JSON whose shape is wrong: scalars, arrays, unknown fields, fields of the wrong type. */
    @Provide
    Arbitrary<Body> wrongShape() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(anyString(30).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> wrongTyped = Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b), scalar.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.just((Object) Map.of("nested", "object")));
        Arbitrary<Map<String, Object>> unknownFields = Arbitraries.maps(
                anyString(12).filter(k -> !List.of("text", "notes", "action", "version", "system", "code",
                        "username", "password", "roles", "reason", "replacement", "evidence", "language",
                        "encounterType", "dateOfService", "externalEncounterId", "patientRef").contains(k)),
                scalar).ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> known = Arbitraries.of("text", "notes", "action", "version", "system", "code", "roles",
                "dateOfService", "language", "encounterType", "evidence");
        Arbitrary<Map<String, Object>> badTypes = Combinators.combine(known, wrongTyped, Arbitraries.of(true, false))
                .as((k, v, withText) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (withText && !k.equals("text")) {
                        m.put("text", "Essential hypertension."); // valid, so only the wrong-typed field is at fault
                    }
                    m.put(k, v);
                    return m;
                });
        return Arbitraries.oneOf(
                scalar.map(v -> json(service.json(v), "scalar")),
                scalar.list().ofMaxSize(5).map(v -> json(service.json(v), "array")),
                unknownFields.map(m -> json(service.json(m), "unknown fields")),
                badTypes.map(m -> json(service.json(m), "field of the wrong type")),
                Arbitraries.of("", " ", "null", "{}", "[]", "\"\"", "{\"text\":null}", "{\"text\":\"\"}",
                        "{\"text\":\"   \"}", "{\"notes\":[]}", "{\"notes\":null}", "{\"text\":\"\\u0000\"}")
                        .map(s -> json(s, "edge '" + s + "'")));
    }

    /**
     * A note that is valid except for one field of the wrong JSON type (a number or boolean where a string, date or
     * code is expected, an array or object anywhere), posted alone or as the single note of a batch.
     */
    @Provide
    Arbitrary<Body> noteWithOneWrongTypedField() {
        Arbitrary<Object> wrongValue = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3).map(i -> (Object) i),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().between(-10, 10).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just((Object) List.of("Essential hypertension.")),
                Arbitraries.just((Object) Map.of("value", "en")));
        Arbitrary<String> field = Arbitraries.of("text", "language", "encounterType", "dateOfService",
                "externalEncounterId", "patientRef");
        return Combinators.combine(field, wrongValue, Arbitraries.of(true, false)).as((name, value, inBatch) -> {
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("text", "Essential hypertension.");
            note.put(name, value);
            Object request = inBatch ? Map.of("notes", List.of(note)) : note;
            return json(service.json(request), (inBatch ? "batch note" : "note") + " with " + name + "=" + value);
        });
    }

    @Provide
    Arbitrary<Body> wrongContentType() {
        Arbitrary<String> types = Arbitraries.oneOf(
                Arbitraries.of("text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=xyz", "application/octet-stream", "image/png", "*/*"),
                Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10),
                        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10))
                        .as((type, sub) -> type + "/" + sub).filter(t -> !t.contains("json")));
        return Combinators.combine(types, anyString(40).filter(s -> !s.isBlank())).as((type, text) ->
                new Body(type, validNote(text).getBytes(StandardCharsets.UTF_8), "valid note as " + type));
    }

    @Provide
    Arbitrary<Body> hugeStrings() {
        return Combinators.combine(Arbitraries.integers().between(1_048_577, 5_000_000),
                Arbitraries.of("text", "externalEncounterId", "patientRef", "unknownField", "reason"),
                Arbitraries.of("a", "é", "\uD83D\uDE00", " ")).as((size, field, unit) -> {
                    String big = unit.repeat(size / unit.length());
                    return json(service.json(Map.of(field, big, "language", "en")),
                            "huge " + field + " of " + size + " chars");
                });
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 200)
    void truncatedJsonIsRefused(@ForAll("endpoints") Endpoint endpoint, @ForAll("truncatedJson") Body body)
            throws Exception {
        checkRefusedWithoutWriting(endpoint, body);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void deeplyNestedJsonIsRefused(@ForAll("endpoints") Endpoint endpoint, @ForAll("deeplyNested") Body body)
            throws Exception {
        checkRefusedWithoutWriting(endpoint, body);
    }

    @Property(tries = 200)
    void randomBytesAreRefused(@ForAll("endpoints") Endpoint endpoint, @ForAll("randomBytes") Body body)
            throws Exception {
        checkRefusedWithoutWriting(endpoint, body);
    }

    @Property(tries = 300)
    void wellFormedJsonOfTheWrongShapeIsRefused(@ForAll("endpoints") Endpoint endpoint,
                                                @ForAll("wrongShape") Body body) throws Exception {
        checkRefusedWithoutWriting(endpoint, body);
    }

    @Property(tries = 200)
    void oneFieldOfTheWrongTypeIsRefused(@ForAll("noteWithOneWrongTypedField") Body body) throws Exception {
        boolean batch = body.kind().startsWith("batch");
        checkRefused(batch ? new Endpoint("/api/v1/batches", RunningService.INTEGRATION)
                : new Endpoint("/api/v1/notes", RunningService.INTEGRATION), body);
    }

    @Property(tries = 100)
    void wrongContentTypesAreRefused(@ForAll("endpoints") Endpoint endpoint,
                                     @ForAll("wrongContentType") Body body) throws Exception {
        // The body is a valid note on purpose: only the content type is wrong.
        checkRefused(endpoint, body);
    }

    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    void hugeStringsAreRefused(@ForAll("endpoints") Endpoint endpoint, @ForAll("hugeStrings") Body body)
            throws Exception {
        checkRefusedWithoutWriting(endpoint, body);
    }

    private static void checkRefusedWithoutWriting(Endpoint endpoint, Body body) throws Exception {
        // /vocab/validate legitimately answers 200 to a well-formed {system, code}; the generators never make one,
        // and a body that happens to be a JSON object holding one of the endpoint's required fields is skipped.
        Assume.that(!looksValid(body) || body.kind().equals("field of the wrong type"));
        checkRefused(endpoint, body);
    }

    private static void checkRefused(Endpoint endpoint, Body body) throws Exception {
        List<Long> before = rowCounts();
        Answer response = send(endpoint, body);
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, "expected 4xx from " + endpoint + " for " + body + ", got "
                + status + ": " + abbreviate(response.body()));
        assertEquals(before, rowCounts(), "rows changed after " + endpoint + " with " + body);
    }

    /** A status code and body read from the server. */
    record Answer(int statusCode, String body) {
    }

    /**
     * Posts the body over a plain socket: the body is written on another thread while this one reads the answer, so
     * an early refusal (413 on the Content-Length, before the body is read) is seen even when the server closes the
     * connection before the client has finished writing. Reads time out after 60 seconds.
     */
    private static Answer send(Endpoint endpoint, Body body) throws Exception {
        URI base = URI.create(service.baseUrl());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            socket.setSoTimeout(60_000);
            String head = "POST " + endpoint.path() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + base.getPort() + "\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString((endpoint.user() + ":"
                    + RunningService.password(endpoint.user())).getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    + "Content-Type: " + body.contentType() + "\r\n"
                    + "Content-Length: " + body.bytes().length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(body.bytes());
                    out.flush();
                } catch (IOException refusedEarly) {
                    // The server answered and closed before reading everything: the answer is read below.
                }
            }, "fuzz-writer");
            writer.setDaemon(true);
            writer.start();
            byte[] answer = socket.getInputStream().readAllBytes();
            writer.join(60_000);
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("no HTTP answer from " + endpoint + " for " + body + ": " + abbreviate(text));
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : new String(answer, bodyStart + 4,
                    answer.length - bodyStart - 4, StandardCharsets.UTF_8));
        }
    }

    /** True for a JSON object with both a system and a code, or text, or notes, or action and version. */
    private static boolean looksValid(Body body) {
        try {
            JsonNode node = service.mapper.readTree(body.bytes());
            return node != null && node.isObject() && ((node.has("system") && node.has("code"))
                    || (node.has("text") && node.get("text").isTextual() && !node.get("text").asText().isBlank()
                    && node.get("text").asText().length() < 1_000_000)
                    || (node.has("action") && node.has("version")));
        } catch (Exception notJson) {
            return false;
        }
    }

    private static List<Long> rowCounts() {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("note", "suggestion", "audit_event", "batch_job", "batch_item", "app_user")) {
            counts.add(service.count("SELECT COUNT(*) FROM " + table));
        }
        counts.add(service.count("SELECT COALESCE(SUM(version), 0) FROM note"));
        return counts;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
