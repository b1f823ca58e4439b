package io.shotscope.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Settings that keep service tests fast: a few frames per plate, short waits, everything under one folder. */
final class TestSettings {

    /** Frames analysed per plate: enough for every metric and the model, quick on two cores. */
    static final int MAX_FRAMES = 12;

    private TestSettings() {
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
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
