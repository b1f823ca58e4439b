package io.shotscope.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL and Redis the integration tests use (127.0.0.1, started by scripts/ensure-services).
 * Locally a test that needs one that is down is skipped, saying so; in CI (CI=true) it fails.
 */
final class RequiredServers {

    static final String HOST = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;
    static final int REDIS_PORT = 6379;
    static final String POSTGRES_URL = "jdbc:postgresql://" + HOST + ":" + POSTGRES_PORT + "/test";
    static final String POSTGRES_USER = "postgres";
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private RequiredServers() {
    }

    static void requirePostgres() {
        require("PostgreSQL", POSTGRES_PORT);
    }

    static void requireRedis() {
        require("Redis", REDIS_PORT);
    }

    private static void require(String name, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            String why = name + " is not reachable at " + HOST + ":" + port + " (" + e.getMessage()
                    + "); run scripts/ensure-services";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must have " + why);
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort("SKIPPED: " + why);
        }
    }
}
