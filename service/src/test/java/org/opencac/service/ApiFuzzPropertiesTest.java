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
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencac.service.support.RunningService;

/**
 * Fuzzing of the HTTP API with generated requests (plain JUnit parameterised tests): malformed and truncated JSON,
 * deeply nested JSON, random bytes, well-formed JSON of the wrong shape, wrong content types and huge strings, sent
 * to every endpoint that takes a body. Each answer must be a 4xx (never 5xx) and no table may change: rows are
 * counted before and after every request.
 *
 * <p>Each property draws its cases from a {@link Random} seeded with {@link #SEED} and the property's name; every case
 * gets its own seed, shown in its test name and at the start of any failure ({@code truncatedJson case 17/200
 * seed=...}). A case is a deterministic function of its seed: {@code request(new Random(seed), ...)} with the same
 * generator rebuilds it. {@code -Dopencac.fuzz.seed=N} draws a different set of cases.
 */
class ApiFuzzPropertiesTest {
    static final long SEED = Long.getLong("opencac.fuzz.seed", 20_260_302L);

    /** Field names the endpoints read; "unknown fields" avoid them. */
    private static final List<String> KNOWN_FIELDS = List.of("text", "notes", "action", "version", "system", "code",
            "username", "password", "roles", "reason", "replacement", "evidence", "language", "encounterType",
            "dateOfService", "externalEncounterId", "patientRef");

    private static final List<String> EDGE_BODIES = List.of("", " ", "null", "{}", "[]", "\"\"", "{\"text\":null}",
            "{\"text\":\"\"}", "{\"text\":\"   \"}", "{\"notes\":[]}", "{\"notes\":null}", "{\"text\":\"\\u0000\"}");

    private static final List<String> OTHER_CONTENT_TYPES = List.of("text/plain", "text/html", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/octet-stream",
            "image/png", "*/*");

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

    /** One generated request; its name (property, index and seed) is the test's display name. */
    record Case(String name, Endpoint endpoint, Body body) {
        @Override
        public String toString() {
            return name + ": " + body + " to " + endpoint;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.onFreshH2();
        HttpResponse<String> r = service.as(RunningService.INTEGRATION, "POST", "/api/v1/notes",
                Map.of("text", "Essential hypertension and type 2 diabetes.", "language", "en"));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("setup note refused: " + r.body());
        }
        noteId = service.parse(r).get("id").asText();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    // ------------------------------------------------------------------ case streams

    static Stream<Case> truncatedJson() {
        return cases("truncatedJson", 200, true, anyEndpoint(ApiFuzzPropertiesTest::truncatedJsonBody));
    }

    static Stream<Case> deeplyNested() {
        return cases("deeplyNested", 100, true, anyEndpoint(ApiFuzzPropertiesTest::deeplyNestedBody));
    }

    static Stream<Case> randomBytes() {
        return cases("randomBytes", 200, true, anyEndpoint(ApiFuzzPropertiesTest::randomBytesBody));
    }

    static Stream<Case> wrongShape() {
        return cases("wrongShape", 300, true, anyEndpoint(ApiFuzzPropertiesTest::wrongShapeBody));
    }

    static Stream<Case> noteWithOneWrongTypedField() {
        return cases("noteWithOneWrongTypedField", 200, false, ApiFuzzPropertiesTest::noteWithOneWrongTypedField);
    }

    static Stream<Case> wrongContentType() {
        return cases("wrongContentType", 100, false, anyEndpoint(ApiFuzzPropertiesTest::wrongContentTypeBody));
    }

    static Stream<Case> hugeStrings() {
        return cases("hugeStrings", 20, true, anyEndpoint(ApiFuzzPropertiesTest::hugeStringBody));
    }

    /** A generated request before it is named. */
    private record Request(Endpoint endpoint, Body body) {
    }

    /**
     * {@code count} cases, generated lazily (a 5 MB body exists only while its case runs). With {@code skipValid},
     * a body the endpoint could legitimately accept (see {@link #looksValid}) is drawn again from the same random
     * source, so every case is checked. /vocab/validate, for instance, answers 200 to a well-formed {system, code}.
     */
    private static Stream<Case> cases(String property, int count, boolean skipValid,
                                      Function<Random, Request> generator) {
        long[] caseSeeds = new Random(SEED ^ property.hashCode()).longs(count).toArray();
        return IntStream.range(0, count).mapToObj(i -> {
            Random random = new Random(caseSeeds[i]);
            Request request = generator.apply(random);
            while (skipValid && looksValid(request.body()) && !request.body().kind().equals(WRONG_TYPE)) {
                request = generator.apply(random);
            }
            return new Case(property + " case " + (i + 1) + "/" + count + " seed=" + caseSeeds[i],
                    request.endpoint(), request.body());
        });
    }

    // ------------------------------------------------------------------ generators

    private static final String WRONG_TYPE = "field of the wrong type";

    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("/api/v1/notes", RunningService.INTEGRATION),
                new Endpoint("/api/v1/batches", RunningService.INTEGRATION),
                new Endpoint("/api/v1/notes/" + noteId + "/suggestions/1/decision", RunningService.CODER),
                new Endpoint("/api/v1/notes/" + noteId + "/suggestions", RunningService.CODER),
                new Endpoint("/api/v1/notes/" + noteId + "/finalize", RunningService.CODER),
                new Endpoint("/api/v1/vocab/validate", RunningService.CODER),
                new Endpoint("/api/v1/users", RunningService.ADMIN));
    }

    /** Any body endpoint (drawn first), then a body from the generator. */
    private static Function<Random, Request> anyEndpoint(Function<Random, Body> bodies) {
        return random -> new Request(oneOf(random, endpoints()), bodies.apply(random));
    }

    private static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A size in [min, max], ending up on either bound more often than uniform drawing would. */
    private static int size(Random random, int min, int max) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return min;
        }
        if (roll == 1) {
            return max;
        }
        return min + random.nextInt(max - min + 1);
    }

    /** Up to maxLength UTF-16 units from the whole range: controls, lone surrogates, noncharacters included. */
    private static String anyString(Random random, int maxLength) {
        char[] chars = new char[size(random, 0, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(chars);
    }

    private static String nonBlankString(Random random, int maxLength) {
        String text = anyString(random, maxLength);
        while (text.isBlank()) {
            text = anyString(random, maxLength);
        }
        return text;
    }

    private static String lowercase(Random random, int minLength, int maxLength) {
        char[] chars = new char[size(random, minLength, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private static int anyInt(Random random) {
        return random.nextInt(10) == 0 ? oneOf(random, List.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE))
                : random.nextInt();
    }

    /** A finite double (JSON has no NaN or infinity), small or large. */
    private static double anyDouble(Random random) {
        if (random.nextInt(10) == 0) {
            return oneOf(random, List.of(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE,
                    -Double.MAX_VALUE));
        }
        return (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(40) - 10);
    }

    /** A JSON scalar: string, integer, double or boolean. */
    private static Object scalar(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> anyString(random, 30);
            case 1 -> anyInt(random);
            case 2 -> anyDouble(random);
            default -> random.nextBoolean();
        };
    }

    private static List<Object> scalars(Random random, int maxSize) {
        List<Object> values = new ArrayList<>();
        for (int n = size(random, 0, maxSize); n > 0; n--) {
            values.add(scalar(random));
        }
        return values;
    }

    /** Keys and values in the given order (Map.of iterates in an order that changes from one JVM to the next). */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static Body json(String text, String kind) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8), kind);
    }

    private static Body json(Object value, String kind) {
        return json(service.json(value), kind);
    }

    /** A well-formed request that would be accepted (by the notes endpoint), to be broken by the generators. */
    private static String validNote(String text) {
        return service.json(object("text", text, "language", "en"));
    }

    /** A valid note cut anywhere before its last character. */
    static Body truncatedJsonBody(Random random) {
        String full = validNote(nonBlankString(random, 60));
        return json(full.substring(0, (int) (random.nextDouble() * (full.length() - 1))), "truncated JSON");
    }

    /** 1 to 20,000 nested arrays or objects, alone or as the value of "text". */
    static Body deeplyNestedBody(Random random) {
        int depth = size(random, 1, 20_000);
        boolean arrays = random.nextBoolean();
        String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
        return json(random.nextBoolean() ? "{\"text\":" + nested + "}" : nested, "nested depth " + depth);
    }

    static Body randomBytesBody(Random random) {
        byte[] bytes = new byte[size(random, 0, 3000)];
        random.nextBytes(bytes);
        return new Body(oneOf(random, List.of("application/json", "application/json; charset=UTF-8")), bytes,
                "random bytes");
    }

    /** Well-formed JSON whose shape is wrong: scalars, arrays, unknown fields, fields of the wrong type, edge cases. */
    static Body wrongShapeBody(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> json(scalar(random), "scalar");
            case 1 -> json(scalars(random, 5), "array");
            case 2 -> json(unknownFields(random), "unknown fields");
            case 3 -> json(knownFieldOfWrongType(random), WRONG_TYPE);
            default -> {
                String edge = oneOf(random, EDGE_BODIES);
                yield json(edge, "edge '" + edge + "'");
            }
        };
    }

    /** One to four fields no endpoint reads, with scalar values. */
    private static Map<String, Object> unknownFields(Random random) {
        Map<String, Object> object = new LinkedHashMap<>();
        int count = size(random, 1, 4);
        while (object.size() < count) {
            String key = anyString(random, 12);
            if (!KNOWN_FIELDS.contains(key)) {
                object.put(key, scalar(random));
            }
        }
        return object;
    }

    /** A field an endpoint reads, holding a number, boolean, array or object; maybe beside a valid text. */
    private static Map<String, Object> knownFieldOfWrongType(Random random) {
        String key = oneOf(random, List.of("text", "notes", "action", "version", "system", "code", "roles",
                "dateOfService", "language", "encounterType", "evidence"));
        Object value = switch (random.nextInt(4)) {
            case 0 -> anyInt(random);
            case 1 -> random.nextBoolean();
            case 2 -> scalars(random, 3);
            default -> object("nested", "object");
        };
        Map<String, Object> object = new LinkedHashMap<>();
        if (random.nextBoolean() && !key.equals("text")) {
            object.put("text", "Essential hypertension."); // valid, so only the wrong-typed field is at fault
        }
        object.put(key, value);
        return object;
    }

    /**
     * A note that is valid except for one field of the wrong JSON type (a number or boolean where a string, date or
     * code is expected, an array or object anywhere), posted alone or as the single note of a batch.
     */
    static Request noteWithOneWrongTypedField(Random random) {
        String field = oneOf(random, List.of("text", "language", "encounterType", "dateOfService",
                "externalEncounterId", "patientRef"));
        Object value = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(7) - 3;
            case 1 -> anyInt(random);
            case 2 -> random.nextDouble() * 20 - 10;
            case 3 -> random.nextBoolean();
            case 4 -> List.of("Essential hypertension.");
            default -> object("value", "en");
        };
        boolean inBatch = random.nextBoolean();
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("text", "Essential hypertension.");
        note.put(field, value);
        Body body = json(inBatch ? object("notes", List.of(note)) : note,
                (inBatch ? "batch note" : "note") + " with " + field + "=" + value);
        return new Request(inBatch ? new Endpoint("/api/v1/batches", RunningService.INTEGRATION)
                : new Endpoint("/api/v1/notes", RunningService.INTEGRATION), body);
    }

    /** A valid note sent with a content type that is not JSON: a common one, or a made-up type/subtype. */
    static Body wrongContentTypeBody(Random random) {
        String type;
        if (random.nextBoolean()) {
            type = oneOf(random, OTHER_CONTENT_TYPES);
        } else {
            do {
                type = lowercase(random, 1, 10) + "/" + lowercase(random, 1, 10);
            } while (type.contains("json"));
        }
        return new Body(type, validNote(nonBlankString(random, 40)).getBytes(StandardCharsets.UTF_8),
                "valid note as " + type);
    }

    /** A string of 1,048,577 to 5,000,000 characters in one field (1 to 4 UTF-8 bytes each). */
    static Body hugeStringBody(Random random) {
        int size = 1_048_577 + random.nextInt(5_000_000 - 1_048_577 + 1);
        if (random.nextInt(5) == 0) {
            size = random.nextBoolean() ? 1_048_577 : 5_000_000;
        }
        String field = oneOf(random, List.of("text", "externalEncounterId", "patientRef", "unknownField", "reason"));
        String unit = oneOf(random, List.of("a", "é", "\uD83D\uDE00", " "));
        String big = unit.repeat(size / unit.length());
        return json(object(field, big, "language", "en"), "huge " + field + " of " + size + " chars");
    }

    // ------------------------------------------------------------------ properties

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedJson")
    void truncatedJsonIsRefused(Case generated) throws Exception {
        checkRefused(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deeplyNested")
    void deeplyNestedJsonIsRefused(Case generated) throws Exception {
        checkRefused(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomBytes")
    void randomBytesAreRefused(Case generated) throws Exception {
        checkRefused(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongShape")
    void wellFormedJsonOfTheWrongShapeIsRefused(Case generated) throws Exception {
        checkRefused(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noteWithOneWrongTypedField")
    void oneFieldOfTheWrongTypeIsRefused(Case generated) throws Exception {
        checkRefused(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongContentType")
    void wrongContentTypesAreRefused(Case generated) throws Exception {
        // The body is a valid note on purpose: only the content type is wrong.
        checkRefused(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeStrings")
    void hugeStringsAreRefused(Case generated) throws Exception {
        checkRefused(generated);
    }

    /** The answer is a 4xx and no row changed; any failure starts with the case's name (and so its seed). */
    private static void checkRefused(Case generated) throws Exception {
        List<Long> before = rowCounts();
        Answer response;
        try {
            response = send(generated.endpoint(), generated.body());
        } catch (AssertionError | IOException failure) {
            throw new AssertionError(generated + ": " + failure, failure);
        }
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, generated + ": expected 4xx, got " + status + ": "
                + abbreviate(response.body()));
        assertEquals(before, rowCounts(), generated + ": rows changed");
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
