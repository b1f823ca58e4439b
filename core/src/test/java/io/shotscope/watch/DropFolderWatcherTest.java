package io.shotscope.watch;

import static io.shotscope.watch.DropFiles.append;
import static io.shotscope.watch.DropFiles.frames;
import static io.shotscope.watch.DropFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When what lands in the drop folder becomes ready, and how often it is emitted. */
class DropFolderWatcherTest {

    private static final Duration SETTLE = WatchOptions.DEFAULT_SETTLE;
    /** Upper bound for a background poll to happen; polls run every few milliseconds here. */
    private static final long WAIT_SECONDS = 10;
    private static final long AFTERWARDS_MILLIS = 100;

    @TempDir
    Path tmp;

    Path root;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectories(tmp.resolve("drop")).toRealPath();
    }

    private DropFolderWatcher watcher() {
        return new DropFolderWatcher(root, WatchOptions.defaults(), clock);
    }

    private static List<String> inputs(List<PlateCandidate> candidates) {
        return candidates.stream().map(PlateCandidate::input).toList();
    }

    private String in(String relative) {
        return root.resolve(relative).toString();
    }

    @Test
    void movieBecomesReadyOnlyAfterItStopsGrowing() throws Exception {
        DropFolderWatcher watcher = watcher();
        Path movie = write(root.resolve("SQ010_SH0040.mov"), 1000);
        assertEquals(List.of(), watcher.poll());

        clock.advance(Duration.ofSeconds(3));
        append(movie, 1000);
        assertEquals(List.of(), watcher.poll());

        clock.advance(Duration.ofSeconds(3));
        assertEquals(List.of(), watcher.poll(), "6 s after it appeared, but only 3 s after it last grew");

        clock.advance(Duration.ofSeconds(2));
        List<PlateCandidate> ready = watcher.poll();
        assertEquals(List.of(in("SQ010_SH0040.mov")), inputs(ready));
        assertEquals(2000, ready.get(0).totalBytes());
    }

    @Test
    void growingSequenceWaitsUntilStable() throws Exception {
        DropFolderWatcher watcher = watcher();
        frames(root, "plate.%04d.exr", 1001, 2, 100);
        assertEquals(List.of(), watcher.poll());

        clock.advance(Duration.ofSeconds(4));
        frames(root, "plate.%04d.exr", 1003, 1, 100);
        assertEquals(List.of(), watcher.poll());

        clock.advance(Duration.ofSeconds(4));
        assertEquals(List.of(), watcher.poll(), "8 s after the first frame, 4 s after the last");

        clock.advance(Duration.ofSeconds(1));
        List<PlateCandidate> ready = watcher.poll();
        assertEquals(List.of(in("plate.####.exr")), inputs(ready));
        assertEquals(3, ready.get(0).files().size());
        assertEquals(1003, ready.get(0).lastFrame());
    }

    @Test
    void sequenceIsReadyAsOneShot() throws Exception {
        DropFolderWatcher watcher = watcher();
        frames(root, "plate.%04d.exr", 1001, 8, 100);
        watcher.poll();

        clock.advance(SETTLE);
        List<PlateCandidate> ready = watcher.poll();

        assertEquals(1, ready.size());
        assertEquals(8, ready.get(0).files().size());
    }

    @Test
    void eachCandidateIsEmittedOnce() throws Exception {
        DropFolderWatcher watcher = watcher();
        write(root.resolve("a.mov"), 100);
        frames(root, "b.%04d.dpx", 1001, 3, 100);
        watcher.poll();

        clock.advance(SETTLE);
        assertEquals(List.of(in("a.mov"), in("b.####.dpx")), inputs(watcher.poll()));

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertEquals(List.of(), watcher.poll());
        }
    }

    @Test
    void sequenceThatGrowsAfterItWasEmittedIsEmittedAgain() throws Exception {
        DropFolderWatcher watcher = watcher();
        frames(root, "plate.%04d.exr", 1001, 2, 100);
        watcher.poll();
        clock.advance(SETTLE);
        assertEquals(1, watcher.poll().size());

        frames(root, "plate.%04d.exr", 1003, 2, 100);
        assertEquals(List.of(), watcher.poll(), "the new frames have not settled yet");

        clock.advance(SETTLE);
        List<PlateCandidate> again = watcher.poll();
        assertEquals(List.of(in("plate.####.exr")), inputs(again));
        assertEquals(4, again.get(0).files().size());
    }

    @Test
    void filesPresentAtStartArePickedUp() throws Exception {
        Path movie = write(root.resolve("dropped_while_down.mov"), 100);
        frames(root.resolve("SQ010"), "SQ010_SH0010.%04d.exr", 1001, 2, 100);
        FileTime yesterday = FileTime.from(clock.instant().minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(movie, yesterday);

        DropFolderWatcher watcher = watcher();
        assertEquals(List.of(), watcher.poll(), "ready only after the settle time, like any other file");

        clock.advance(SETTLE);
        assertEquals(List.of(in("SQ010/SQ010_SH0010.####.exr"), in("dropped_while_down.mov")),
                inputs(watcher.poll()));
    }

    @Test
    void vanishedCandidateIsForgotten() throws Exception {
        DropFolderWatcher watcher = watcher();
        Path movie = write(root.resolve("a.mov"), 100);
        watcher.poll();
        clock.advance(SETTLE);
        assertEquals(1, watcher.poll().size());

        Files.delete(movie);
        watcher.poll();
        write(movie, 100);
        watcher.poll();
        clock.advance(SETTLE);

        assertEquals(List.of(in("a.mov")), inputs(watcher.poll()));
    }

    @Test
    void retriedCandidateIsEmittedAgainAtTheNextPoll() throws Exception {
        DropFolderWatcher watcher = watcher();
        write(root.resolve("a.mov"), 100);
        watcher.poll();
        clock.advance(SETTLE);
        PlateCandidate emitted = watcher.poll().get(0);

        watcher.retry(emitted);

        assertEquals(List.of(emitted), watcher.poll());
        assertEquals(List.of(), watcher.poll());
    }

    @Test
    void startHandsEachReadyCandidateToTheConsumerOnce() throws Exception {
        write(root.resolve("a.mov"), 100);
        WatchOptions quick = WatchOptions.defaults().withSettle(Duration.ZERO).withPollInterval(Duration.ofMillis(5));
        List<PlateCandidate> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();

        try (DropFolderWatcher watcher = new DropFolderWatcher(root, quick)) {
            watcher.start(candidate -> {
                if (calls.getAndIncrement() == 0) {
                    throw new IllegalStateException("queue is down");
                }
                received.add(candidate);
            });
            waitUntil(() -> !received.isEmpty());
            write(root.resolve("b.mov"), 100);
            waitUntil(() -> received.size() >= 2);
            Thread.sleep(AFTERWARDS_MILLIS); // several more polls, which must deliver nothing
        }

        assertEquals(List.of(in("a.mov"), in("b.mov")), inputs(received),
                "a.mov once after the consumer first refused it, b.mov once");
        assertEquals(3, calls.get());
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "nothing arrived within " + WAIT_SECONDS + " s");
            Thread.sleep(5);
        }
    }
}
