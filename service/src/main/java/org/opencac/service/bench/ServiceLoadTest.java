package org.opencac.service.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.opencac.core.bench.JitWarmUp;
import org.opencac.service.CacApplication;
import org.opencac.service.CacConfiguration;

/**
 * {@code ./cac bench service}: posts a typical note to {@code POST /api/v1/notes} a bounded number of times at 1, 8
 * and 32 concurrent clients and prints throughput, latency percentiles and errors per level. Loopback only. Without
 * {@code --url} it starts the service in this JVM on free ports with a temporary H2 database and stops it after.
 * <pre>
 *   --url http://127.0.0.1:8080   a running service (must be loopback)
 *   --requests N                  measured requests per concurrency level (default 1000)
 *   --warmup N                    unmeasured requests before the first level (default 3000)
 *   --max-warmup N                in-process only: then more warm-up rounds of 1000 requests while the JIT compiler is
 *                                 still busy, at most N requests (default 40000; 0 = none)
 *   --clients 1,8,32              concurrency levels
 *   --max-seconds S               stop a level after S seconds even if N is not reached (default 120)
 *   --note FILE                   note text (default samples/04-clinic-note.txt)
 *   --user admin --password admin integration (or admin) account
 * </pre>
 */
public final class ServiceLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one concurrency level. */
    record LevelResult(int clients, int requests, int errors, double seconds, long[] latenciesNanos,
                       Map<Integer, Integer> statusCounts, double cpuMillisPerRequest) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return percentile(latenciesNanos, p) / 1e6;
        }
    }

    private ServiceLoadTest() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int requests = Integer.parseInt(options.getOrDefault("requests", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3000"));
        int maxSeconds = Integer.parseInt(options.getOrDefault("max-seconds", "120"));
        int maxWarmup = Integer.parseInt(options.getOrDefault("max-warmup", "40000"));
        String user = options.getOrDefault("user", "admin");
        String password = options.getOrDefault("password", "admin");
        int[] levels = Arrays.stream(options.getOrDefault("clients", "1,8,32").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String text = Files.readString(Path.of(options.getOrDefault("note", "samples/04-clinic-note.txt")),
                StandardCharsets.UTF_8);

        InProcessService local = null;
        String url = options.get("url");
        if (url == null) {
            System.err.println("bench: starting the service in-process (temporary H2 database, free ports)...");
            local = InProcessService.start(password);
            url = local.baseUrl();
        }
        requireLoopback(url);
        try {
            LoadClient client = new LoadClient(url, user, password, noteBody(text));
            client.awaitReady(Duration.ofMinutes(3));
            System.err.printf(Locale.ROOT, "bench: %s, note of %d characters, warm-up %d requests%n", url,
                    text.length(), warmup);
            List<LevelResult> warmupResults = new ArrayList<>();
            if (warmup > 0) {
                warmupResults.add(run(client, 8, warmup, maxSeconds));
            }
            if (local != null && maxWarmup > 0) {
                // In-process the JIT compiler is the service's: go on until it has settled (see JitWarmUp).
                JitWarmUp.Outcome outcome = JitWarmUp.untilCompiled(
                        () -> warmupResults.add(run(client, 8, WARMUP_ROUND, maxSeconds)),
                        (maxWarmup + WARMUP_ROUND - 1) / WARMUP_ROUND,
                        (round, share) -> System.err.printf(Locale.ROOT,
                                "bench: warm-up round %d (%d requests at 8 clients): JIT compiler %.0f%% of a core%n",
                                round, WARMUP_ROUND, 100 * share));
                System.err.printf(Locale.ROOT, "bench: warm-up %s after %d more requests in %.1f s%n",
                        outcome.settled() ? "settled" : "stopped unsettled", outcome.rounds() * WARMUP_ROUND,
                        outcome.seconds());
            }
            List<LevelResult> results = new ArrayList<>();
            for (int clients : levels) {
                results.add(run(client, clients, requests, maxSeconds));
            }
            System.out.println(local != null
                    ? "JVM CPU = this process: the in-process service and the load generator together"
                    : "JVM CPU = this process: the load generator only (the service runs elsewhere)");
            printTable(results);
            if (!warmupResults.isEmpty()) {
                // The first minute of a freshly started service, for comparison: the JIT compiler still at work.
                System.out.println("first warm-up requests right after start-up (not counted above):");
                printTable(warmupResults.subList(0, 1));
            }
        } finally {
            if (local != null) {
                local.stop();
            }
        }
    }

    static String noteBody(String text) throws IOException {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("text", text);
        note.put("encounterType", "outpatient");
        note.put("dateOfService", "2018-03-01");
        note.put("language", "en");
        return JSON.writeValueAsString(note);
    }

    /** Runs {@code total} requests spread over {@code clients} threads, each request timed on its own. */
    static LevelResult run(LoadClient client, int clients, int total, int maxSeconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        int[] statuses = new int[total];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total && System.nanoTime() < deadline;
                         i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        statuses[i] = client.postNote();
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        int done = Math.min(total, next.get());
        // Requests never started because of the time limit have status 0 and are not counted.
        int completed = 0;
        int errors = 0;
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        List<Long> measured = new ArrayList<>();
        for (int i = 0; i < done; i++) {
            if (statuses[i] == 0 && latencies[i] == 0) {
                continue;
            }
            completed++;
            counts.merge(statuses[i], 1, Integer::sum);
            if (statuses[i] != 201) {
                errors++;
            }
            measured.add(latencies[i]);
        }
        long[] sorted = measured.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LevelResult(clients, completed, errors, seconds, sorted, counts,
                completed == 0 ? 0 : cpu / 1e6 / completed);
    }

    static final int WARMUP_ROUND = 1000;

    /** CPU time used by this JVM so far (load generator, plus the service when it runs in-process). */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static void printTable(List<LevelResult> results) {
        System.out.println("| clients | requests | errors | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | "
                + "max (ms) | JVM CPU per request (ms) | statuses |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (LevelResult r : results) {
            long max = r.latenciesNanos().length == 0 ? 0 : r.latenciesNanos()[r.latenciesNanos().length - 1];
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %s |%n",
                    r.clients(), r.requests(), r.errors(), r.throughput(), r.percentileMillis(50),
                    r.percentileMillis(95), r.percentileMillis(99), max / 1e6, r.cpuMillisPerRequest(),
                    r.statusCounts());
        }
    }

    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host))) {
            throw new IllegalArgumentException("bench service drives loopback addresses only, not " + host);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bench service [--url URL] [--requests N] [--warmup N] "
                        + "[--max-warmup N] [--clients 1,8,32] [--max-seconds S] [--note FILE] [--user U --password P]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** One shared HTTP client posting the same note with a fresh Idempotency-Key each time. */
    static final class LoadClient {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI notes;
        private final String authorization;
        private final String body;

        LoadClient(String baseUrl, String user, String password, String body) {
            this.notes = URI.create(baseUrl + "/api/v1/notes");
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            this.body = body;
        }

        /** The status code, or -1 when the request failed without an answer. */
        int postNote() {
            HttpRequest request = HttpRequest.newBuilder(notes)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Waits while the engine loads (503); fails on any other refusal such as a wrong password. */
        void awaitReady(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                int status = postNote();
                if (status == 201) {
                    return;
                }
                if ((status != 503 && status != -1) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The service is not ready to code notes (HTTP " + status + ")");
                }
                Thread.sleep(250);
            }
        }
    }

    /** The production application (real engine) on free loopback ports and a throwaway H2 file database. */
    static final class InProcessService {
        private final AtomicReference<Server> server;
        private final int port;
        private final Path directory;

        private InProcessService(AtomicReference<Server> server, int port, Path directory) {
            this.server = server;
            this.port = port;
            this.directory = directory;
        }

        static InProcessService start(String adminPassword) throws Exception {
            Path directory = Files.createTempDirectory("cac-bench-");
            Path config = directory.resolve("bench.yml");
            String yaml = String.join("\n",
                    "server:",
                    "  applicationConnectors:",
                    "    - type: http",
                    "      bindHost: 127.0.0.1",
                    "      port: 0",
                    "  adminConnectors:",
                    "    - type: http",
                    "      bindHost: 127.0.0.1",
                    "      port: 0",
                    "  requestLog:",
                    "    appenders: []",
                    "database:",
                    "  driverClass: org.h2.Driver",
                    "  url: jdbc:h2:file:" + directory.resolve("db").toAbsolutePath(),
                    "  user: sa",
                    "  password: \"\"",
                    "  validationQuery: \"SELECT 1\"",
                    "  checkConnectionOnBorrow: true",
                    "  validationInterval: 1s",
                    "  maxSize: 64",
                    "migrateOnStart: true",
                    "bootstrapAdmin:",
                    "  username: admin",
                    "  password: " + JSON.writeValueAsString(adminPassword),
                    "logging:",
                    "  level: WARN",
                    "");
            Files.writeString(config, yaml, StandardCharsets.UTF_8);
            AtomicReference<Server> server = new AtomicReference<>();
            AtomicInteger port = new AtomicInteger();
            CacApplication application = new CacApplication() {
                @Override
                public void run(CacConfiguration configuration, Environment environment) throws Exception {
                    super.run(configuration, environment);
                    environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
                        @Override
                        public void serverStarted(Server started) {
                            server.set(started);
                            port.set(getLocalPort(started));
                        }
                    });
                }
            };
            application.run("server", config.toString());
            if (server.get() == null) {
                throw new IllegalStateException("The service did not start");
            }
            return new InProcessService(server, port.get(), directory);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        void stop() throws Exception {
            server.get().stop();
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
