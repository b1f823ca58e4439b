package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers the integration tests talk to. Locally a missing server skips the test with a loud reason;
 * in CI (environment CI=true) it fails the test instead.
 */
final class ExternalServices {

    static final String HOST = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;
    static final String POSTGRES_URL = "jdbc:postgresql://" + HOST + ":" + POSTGRES_PORT + "/test";
    static final String POSTGRES_USER = "postgres";
    static final int REDIS_PORT = 6379;

    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    private static final Map<String, Optional<String>> PROBLEMS = new ConcurrentHashMap<>();

    private ExternalServices() {
    }

    static void requirePostgres() {
        require("PostgreSQL", POSTGRES_PORT);
    }

    static void requireRedis() {
        require("Redis", REDIS_PORT);
    }

    private static void require(String name, int port) {
        String reason = PROBLEMS.computeIfAbsent(name, unused -> probe(name, port)).orElse(null);
        if (reason == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true and " + reason);
        }
        Assumptions.abort(reason);
    }

    /** Why the server cannot be used, said once on stderr, or empty when it answers. */
    private static Optional<String> probe(String name, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), PROBE_TIMEOUT_MILLIS);
            return Optional.empty();
        } catch (IOException e) {
            String reason = name + " is not answering on " + HOST + ":" + port + " (" + e.getMessage()
                    + "); start it with scripts/ensure-services";
            System.err.println("SKIPPING the tests that need it: " + reason);
            return Optional.of(reason);
        }
    }
}
