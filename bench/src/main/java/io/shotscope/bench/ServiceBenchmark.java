package io.shotscope.bench;

import io.shotscope.testsupport.ServiceProcess;
import io.shotscope.testsupport.ShotApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Service benchmark, run by {@code scripts/bench-service}: every figure is compared with a baseline
 * measured in the same run. (1) GET /api/v1/shots/{id} latency at {@value #CONNECTIONS} concurrent
 * connections against GET /health under the same load; (2) answering a re-submitted identical
 * file (cache hit) against analysing it the first time; (3) shots per minute of a batch with one
 * and with two worker processes sharing one PostgreSQL database.
 */
public final class ServiceBenchmark {

    private static final int CONNECTIONS = 50;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration SHOT_TIMEOUT = Duration.ofMinutes(10);
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final Path root;
    private final Path clips;
    private final Path work;
    private final StringBuilder out = new StringBuilder();

    private ServiceBenchmark(Path root) {
        this.root = root;
        this.clips = root.resolveSibling("shared").resolve("clips");
        this.work = root.resolve("bench-out").resolve("service");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new ServiceBenchmark(root).run();
    }

    private void run() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        line("Machine: %d cores, Java %s. Loopback only.", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Path plate = clips.resolve("bottle-detection.mp4");
        try (ServiceProcess service = start("single", List.of(), Map.of())) {
            ShotApi api = new ShotApi(service.base());
            long t = System.nanoTime();
            UUID first = api.upload(plate);
            api.awaitFinished(first, SHOT_TIMEOUT);
            double analysedMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            UUID again = api.upload(plate);
            String status = api.awaitFinished(again, SHOT_TIMEOUT).get("status").asText();
            double cachedMs = (System.nanoTime() - t) / 1e6;
            line("");
            line("| identical file re-submitted | first submission, analysed (ms) | re-submission, answered (ms) | ratio |");
            line("|---|---|---|---|");
            line("| %s (%s) | %.0f | %.0f | %.3fx |", plate.getFileName(), status, analysedMs, cachedMs,
                    cachedMs / analysedMs);

            Latency health = load(api, "/health");
            Latency shot = load(api, "/api/v1/shots/" + first);
            line("");
            line("| %d connections, %d s | requests/s | p50 (ms) | p99 (ms) | p99 / baseline p99 |", CONNECTIONS,
                    LOAD.toSeconds());
            line("|---|---|---|---|---|");
            line("| GET /health (baseline) | %.0f | %.2f | %.2f | 1.00x |", health.perSecond(), health.p50(), health.p99());
            line("| GET /api/v1/shots/{id} (full report) | %.0f | %.2f | %.2f | %.2fx |", shot.perSecond(), shot.p50(),
                    shot.p99(), shot.p99() / health.p99());
        }
        List<Path> batch;
        try (Stream<Path> files = Files.list(clips)) {
            batch = files.filter(p -> p.toString().endsWith(".mp4") || p.toString().endsWith(".mkv")).sorted().toList();
        }
        double one = shotsPerMinute(batch, 1);
        double two = shotsPerMinute(batch, 2);
        line("");
        line("| batch of %d distinct clips, PostgreSQL | shots per minute | against one worker |", batch.size());
        line("|---|---|---|");
        line("| one worker process | %.1f | 1.00x |", one);
        line("| two worker processes | %.1f | %.2fx |", two, two / one);
        Files.writeString(work.resolve("results.md"), out);
        System.err.println("written " + work.resolve("results.md"));
    }

    private double shotsPerMinute(List<Path> batch, int workers) throws Exception {
        String database = "shotscope_bench_" + Long.toHexString(System.nanoTime());
        sql("test", "CREATE DATABASE " + database);
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            Map<String, String> db = Map.of("SHOTSCOPE_DB_URL", PG_SERVER + database, "SHOTSCOPE_DB_USER", "postgres");
            ServiceProcess api = start(database + "-api", List.of("--no-worker"), db);
            processes.add(api);
            for (int w = 0; w < workers; w++) {
                processes.add(start(database + "-worker" + w, List.of("--worker"), db));
            }
            ShotApi client = new ShotApi(api.base());
            long t = System.nanoTime();
            List<UUID> ids = new ArrayList<>();
            for (Path plate : batch) {
                ids.add(client.analyzePath(plate.toString()));
            }
            client.awaitAllFinished(ids, SHOT_TIMEOUT);
            return batch.size() / ((System.nanoTime() - t) / 60e9);
        } finally {
            for (ServiceProcess p : processes) {
                p.close();
            }
            sql("test", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private ServiceProcess start(String name, List<String> args, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("SHOTSCOPE_DATA_DIR", work.resolve(name + "-data").toString());
        env.put("SHOTSCOPE_WATCH_ENABLED", "false");
        env.put("SHOTSCOPE_DASHBOARD_ENABLED", "false");
        env.put("SHOTSCOPE_ANALYZEPATH_ROOTS", clips.toString());
        env.put("SHOTSCOPE_JOBS_POLLINTERVAL", "5s");
        env.put("SHOTSCOPE_HOME", root.toString());
        // the benchmark measures analysis and the API, not sign-in: a loopback service without security
        // or rate limits (ShotApi can sign in with ShotApi.signIn when a benchmark needs it)
        env.put("SHOTSCOPE_SECURITY_ENABLED", "false");
        env.put("SHOTSCOPE_SECURITY_RATELIMIT_ENABLED", "false");
        return ServiceProcess.start(root.resolve("service/target/shotscope-service.jar"), freePort(), args, env,
                work.resolve(name + ".log"));
    }

    /** {@value #CONNECTIONS} threads, each one request at a time, for {@link #LOAD} after a warm-up. */
    private static Latency load(ShotApi api, String path) throws InterruptedException {
        runFor(api, path, WARM_UP, null);
        long[][] perThread = new long[CONNECTIONS][];
        AtomicInteger errors = new AtomicInteger();
        runFor(api, path, LOAD, (index, latencies, failed) -> {
            perThread[index] = latencies;
            errors.addAndGet(failed);
        });
        long[] all = Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
        if (errors.get() > 0) {
            System.err.println(path + ": " + errors.get() + " requests did not answer 200");
        }
        return new Latency(all.length / (double) LOAD.toSeconds(), percentile(all, 0.50), percentile(all, 0.99));
    }

    private interface ThreadResult {
        void accept(int index, long[] latenciesNanos, int failed);
    }

    private static void runFor(ShotApi api, String path, Duration duration, ThreadResult result)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        long end = System.nanoTime() + duration.toNanos();
        for (int i = 0; i < CONNECTIONS; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                int failed = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    int status = api.get(path);
                    long elapsed = System.nanoTime() - t;
                    if (status != 200) {
                        failed++;
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = elapsed;
                }
                if (result != null) {
                    result.accept(index, Arrays.copyOf(latencies, n), failed);
                }
                done.countDown();
            });
            thread.start();
        }
        done.await();
    }

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    private record Latency(double perSecond, double p50, double p99) {
    }

    private static void sql(String database, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_SERVER + database, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        out.append(text).append('\n');
        System.out.println(text);
    }
}
