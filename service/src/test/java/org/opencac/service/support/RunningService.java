package org.opencac.service.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.opencac.service.CacApplication;
import org.opencac.service.CacConfiguration;

/**
 * The service started on random ports against a given database, with the fake coder, validator and vocabulary,
 * users for every role, and a small HTTP client. Passwords: "&lt;user&gt;-password".
 */
public final class RunningService implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String CODER = "coder1";
    public static final String INTEGRATION = "integration1";
    public static final String EVALUATOR = "evaluator1";

    public final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final DropwizardTestSupport<CacConfiguration> support;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;

    public RunningService(String driverClass, String jdbcUrl, String dbUser, String dbPassword) throws Exception {
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        List<ConfigOverride> overrides = new java.util.ArrayList<>(List.of(
                ConfigOverride.config("database.driverClass", driverClass),
                ConfigOverride.config("database.url", jdbcUrl)));
        if (dbUser != null) {
            // Otherwise the credentials are in the URL (PostgreSQL), which takes precedence.
            overrides.add(ConfigOverride.config("database.user", dbUser));
            overrides.add(ConfigOverride.config("database.password", dbPassword));
        }
        support = new DropwizardTestSupport<>(TestCacApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), (String) null,
                overrides.toArray(new ConfigOverride[0]));
        support.before();
        ((CacApplication) support.getApplication()).coderHolder().awaitLoaded(60_000);
        createUser(CODER, "coder");
        createUser(INTEGRATION, "integration");
        createUser(EVALUATOR, "evaluator");
    }

    public static RunningService onFreshH2() throws Exception {
        return new RunningService("org.h2.Driver",
                "jdbc:h2:mem:cac-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private void createUser(String name, String role) throws Exception {
        HttpResponse<String> r = send(ADMIN, ADMIN_PASSWORD, "POST", "/api/v1/users", "application/json",
                json(Map.of("username", name, "password", name + "-password", "roles", List.of(role))), Map.of());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("Could not create user " + name + ": " + r.body());
        }
    }

    /** A direct connection to the service's database, to check what was (not) stored. */
    public Jdbi jdbi() {
        return dbUser == null ? Jdbi.create(jdbcUrl) : Jdbi.create(jdbcUrl, dbUser, dbPassword);
    }

    public long count(String sql) {
        return jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    public CacApplication application() {
        return (CacApplication) support.getApplication();
    }

    public io.dropwizard.core.setup.Environment environment() {
        return support.getEnvironment();
    }

    public String baseUrl() {
        return "http://localhost:" + support.getLocalPort();
    }

    public String adminUrl() {
        return "http://localhost:" + support.getAdminPort();
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode parse(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    public JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** Sends as {@code user} with the test password convention. */
    public HttpResponse<String> as(String user, String method, String path, Object body) throws Exception {
        return send(user, password(user), method, path, "application/json", body == null ? null : json(body),
                Map.of());
    }

    public HttpResponse<String> get(String user, String path) throws Exception {
        return as(user, "GET", path, null);
    }

    public static String password(String user) {
        return user.equals(ADMIN) ? ADMIN_PASSWORD : user + "-password";
    }

    public HttpResponse<String> send(String user, String password, String method, String path, String contentType,
                                     String body, Map<String, String> headers) throws Exception {
        return sendBytes(user, password, method, path, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> sendBytes(String user, String password, String method, String path,
                                          String contentType, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Status and body of an answer read off the wire. */
    public record RawAnswer(int status, String body) {
    }

    /**
     * Sends only the head of a request that announces a {@code contentLength}-byte body with
     * {@code Expect: 100-continue}, and reads the answer the server gives before any body byte. This is how a
     * client learns that an upload is too large without sending it; a client that sends the whole body anyway may
     * see the server answer and close mid-upload, which the JDK client reports as a broken pipe.
     */
    public RawAnswer announceBody(String user, String password, String method, String path, String contentType,
                                  long contentLength) throws IOException {
        try (Socket socket = new Socket("localhost", support.getLocalPort())) {
            socket.setSoTimeout(30_000);
            String credentials = Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            String head = method + " " + path + " HTTP/1.1\r\n"
                    + "Host: localhost:" + support.getLocalPort() + "\r\n"
                    + "Authorization: Basic " + credentials + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + contentLength + "\r\n"
                    + "Expect: 100-continue\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            if (!answer.startsWith("HTTP/1.1 ") || headEnd < 0) {
                throw new IOException("not an HTTP/1.1 answer: " + answer.substring(0, Math.min(80, answer.length())));
            }
            int status = Integer.parseInt(answer.substring(9, 12));
            String headers = answer.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
            String body = answer.substring(headEnd + 4);
            return new RawAnswer(status, headers.contains("transfer-encoding: chunked") ? unchunk(body) : body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    public HttpResponse<String> getAdmin(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(adminUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        support.after();
    }
}
