package io.shotscope.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.testsupport.ServiceProcess;
import io.shotscope.testsupport.SharedClips;
import io.shotscope.testsupport.ShotApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Two worker processes and one API process share one PostgreSQL database; a batch of plates is
 * submitted and one worker is killed with kill -9 while it analyses a shot. Every shot must still
 * end DONE with exactly one stored result, the killed shot finished by the other worker.
 */
class WorkerFailoverIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);
    private static final String SUBMITTER = "failover";
    private static final String SUBMITTER_PASSWORD = "failover-password";

    @TempDir
    Path temp;

    private String database;
    private final List<ServiceProcess> processes = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "shotscope_failover_" + Long.toHexString(System.nanoTime());
        try (Connection c = connect("test"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                throw e;
            }
            Assumptions.abort("SKIPPED: PostgreSQL at 127.0.0.1:5432 is not reachable (" + e.getMessage()
                    + "); run scripts/ensure-services");
        }
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        for (ServiceProcess p : processes) {
            p.close();
        }
        if (database != null) {
            try (Connection c = connect("test"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void everyShotEndsWithExactlyOneResultWhenAWorkerIsKilledMidJob() throws Exception {
        Path clips = SharedClips.dir();
        List<Path> plates;
        try (Stream<Path> files = Files.list(clips)) {
            // largest first: the first jobs are the longest, so a worker is surely killed mid-analysis
            plates = files.filter(p -> p.toString().endsWith(".mp4") || p.toString().endsWith(".mkv"))
                    .sorted(java.util.Comparator.comparingLong(WorkerFailoverIT::size).reversed()).toList();
        }
        assertTrue(plates.size() >= 4, "need several distinct clips in " + clips);

        ServiceProcess api = start("api", List.of("--no-worker"));
        ServiceProcess doomed = start("worker-a", List.of("--worker"));
        ServiceProcess survivor = start("worker-b", List.of("--worker"));
        ShotApi client = ShotApi.signIn(api.base(), SUBMITTER, SUBMITTER_PASSWORD);
        List<UUID> ids = new ArrayList<>();
        for (Path plate : plates) {
            ids.add(client.analyzePath(plate.toString()));
        }

        UUID killed = awaitShotRunningOn(doomed, ids, client);
        doomed.kill();
        assertTrue(!doomed.alive(), "worker a should be dead");

        List<JsonNode> finished = client.awaitAllFinished(ids, BATCH_TIMEOUT);
        for (JsonNode shot : finished) {
            assertEquals("DONE", shot.get("status").asText(), () -> "shot " + shot.get("id") + " ended "
                    + shot.get("status") + " (" + shot.get("error") + "); logs in " + temp);
            assertTrue(shot.hasNonNull("report"), "a DONE shot carries its report");
        }
        JsonNode interrupted = client.shot(killed);
        assertTrue(interrupted.get("attempts").asInt() >= 2,
                "the shot running on the killed worker was started again: " + interrupted);
        assertTrue(ShotApi.read(survivor.log()).contains(killed.toString()),
                "the surviving worker finished the interrupted shot");

        try (Connection c = connect(database); Statement s = c.createStatement()) {
            assertEquals(plates.size(), count(s, "SELECT count(*) FROM shots"), "one row per submitted plate");
            assertEquals(plates.size(), count(s, "SELECT count(*) FROM shots WHERE status = 'DONE' AND report IS NOT NULL"));
            assertEquals(plates.size(), count(s, "SELECT count(DISTINCT content_hash) FROM shots"),
                    "no content stored twice");
        }
    }

    /** Waits until the worker logs that it started one of the shots while that shot is RUNNING. */
    private UUID awaitShotRunningOn(ServiceProcess worker, List<UUID> ids, ShotApi client) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            List<String> started = ShotApi.read(worker.log()).lines().filter(l -> l.contains(" analysing ")).toList();
            for (UUID id : ids) {
                if (started.stream().anyMatch(l -> l.contains(id.toString()))
                        && client.shot(id).get("status").asText().equals("RUNNING")) {
                    return id;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("worker " + worker.log() + " never started a shot");
    }

    private ServiceProcess start(String name, List<String> roleArgs) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("SHOTSCOPE_DB_URL", SERVER + database);
        env.put("SHOTSCOPE_DB_USER", USER);
        env.put("SHOTSCOPE_DATA_DIR", temp.resolve(name + "-data").toString());
        env.put("SHOTSCOPE_WATCH_ENABLED", "false");
        env.put("SHOTSCOPE_DASHBOARD_ENABLED", "false");
        env.put("SHOTSCOPE_ANALYZEPATH_ROOTS", SharedClips.dir().toString());
        env.put("SHOTSCOPE_JOBS_POLLINTERVAL", "5s");
        env.put("SHOTSCOPE_HOME", projectRoot().toString());
        List<String> args = new ArrayList<>(roleArgs);
        args.add("--shotscope.security.users[0].name=" + SUBMITTER);
        args.add("--shotscope.security.users[0].password-hash="
                + new BCryptPasswordEncoder(4).encode(SUBMITTER_PASSWORD));
        args.add("--shotscope.security.users[0].role=submitter");
        ServiceProcess process = ServiceProcess.start(serviceJar(), freePort(), args, env,
                temp.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path serviceJar() {
        return Path.of("target", "shotscope-service.jar").toAbsolutePath();
    }

    private static Path projectRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(SERVER + db, USER, "");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
