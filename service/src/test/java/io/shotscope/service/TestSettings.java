package io.shotscope.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Settings that keep service tests fast: a few frames per plate, short waits, everything under one folder. */
final class TestSettings {

    /** Frames analysed per plate: enough for every metric and the model, quick on two cores. */
    static final int MAX_FRAMES = 12;

    /** A user of each role; their passwords are their names repeated (long enough for the rules). */
    static final String ADMIN = "test-admin";
    static final String SUBMITTER = "test-submitter";
    static final String VIEWER = "test-viewer";
    static final List<String> USERS = List.of(ADMIN, SUBMITTER, VIEWER);
    /** Fast bcrypt (cost 4) for tests; the service checks any cost. */
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final Map<String, String> HASHES = USERS.stream()
            .collect(java.util.stream.Collectors.toMap(u -> u, u -> BCRYPT.encode(password(u))));

    private TestSettings() {
    }

    static String password(String user) {
        return user + "-" + user;
    }

    static String role(String user) {
        return user.substring("test-".length());
    }

    /** The three test users as Spring arguments ({@code --shotscope.security.users[0].name=...}). */
    static List<String> userArguments() {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < USERS.size(); i++) {
            String user = USERS.get(i);
            args.add("--shotscope.security.users[" + i + "].name=" + user);
            args.add("--shotscope.security.users[" + i + "].password-hash=" + HASHES.get(user));
            args.add("--shotscope.security.users[" + i + "].role=" + role(user));
        }
        args.add("--shotscope.security.rate-limit.token-per-address=1000");
        return args;
    }

    /** The three test users, and sign-in limits no test run reaches. */
    static void users(DynamicPropertyRegistry registry) {
        for (String argument : userArguments()) {
            String[] keyValue = argument.substring(2).split("=", 2);
            registry.add(keyValue[0], () -> keyValue[1]);
        }
    }

    /** Data and drop folder under {@code root}, few frames, JobRunr's minimum poll, a one-second settle. */
    static void fastAnalysis(DynamicPropertyRegistry registry, Path root) {
        registry.add("shotscope.data.dir", () -> root.resolve("data").toString());
        registry.add("shotscope.watch.dir", () -> root.resolve("drop").toString());
        registry.add("shotscope.watch.settle", () -> "1s");
        registry.add("shotscope.watch.interval", () -> "300ms");
        registry.add("shotscope.analysis.max-frames", () -> MAX_FRAMES);
        registry.add("shotscope.analysis.threads", () -> 2);
        registry.add("shotscope.jobs.poll-interval", () -> "5s");
        registry.add("shotscope.jobs.retries", () -> 1);
        users(registry);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
