package io.shotscope.watch;

import io.shotscope.watch.PlateCandidate.Signature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns what lands in a drop folder into plates that are completely copied, by scanning it again
 * and again ({@link DropFolderScanner}) and remembering what each scan saw.
 *
 * <ul>
 *   <li>A candidate is <em>ready</em> once its {@link Signature} (file count, total size, newest
 *       modification time) has stayed the same for {@link WatchOptions#settle()}: a movie that is
 *       still growing, or a sequence whose frames are still arriving, is not.</li>
 *   <li>Each ready candidate is emitted once. The watcher remembers the signature it emitted and
 *       emits the candidate again only if that signature changes later and then settles again: a
 *       sequence that gets more frames, or a movie overwritten in place, is a new version of the
 *       plate. Its content hash tells the consumer whether it is really new.</li>
 *   <li>A candidate that disappears is forgotten; if it comes back it is emitted again.</li>
 *   <li>State lives in memory only. Files that were dropped while the service was down are simply
 *       there at the first scan and become ready after the settle time like any other; after a
 *       restart everything in the folder is emitted again, and the consumer's content-hash lookup
 *       answers what was processed before.</li>
 * </ul>
 *
 * <p>Either call {@link #poll()} yourself, or {@link #start} polling every
 * {@link WatchOptions#pollInterval()} and {@link #close()} it.
 */
public final class DropFolderWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DropFolderWatcher.class.getName());

    private final Path root;
    private final WatchOptions options;
    private final Clock clock;
    private final DropFolderScanner scanner;
    private final Map<String, Tracked> tracked = new HashMap<>();
    private ScheduledExecutorService ownExecutor;
    private ScheduledFuture<?> polling;
    private volatile boolean closed;

    /** What the watcher knows of one candidate between scans. */
    private static final class Tracked {
        Signature seen;
        Instant unchangedSince;
        Signature emitted;
    }

    public DropFolderWatcher(Path root, WatchOptions options, Clock clock) {
        this.root = root;
        this.options = options;
        this.clock = clock;
        this.scanner = new DropFolderScanner(options);
    }

    public DropFolderWatcher(Path root, WatchOptions options) {
        this(root, options, Clock.systemUTC());
    }

    /**
     * Scans once and returns the candidates that became ready since the last poll.
     *
     * @throws IOException when the drop folder itself cannot be listed (what was learnt is kept)
     */
    public synchronized List<PlateCandidate> poll() throws IOException {
        List<PlateCandidate> found = scanner.scan(root);
        Instant now = clock.instant();
        Set<String> present = new HashSet<>();
        List<PlateCandidate> ready = new ArrayList<>();
        for (PlateCandidate candidate : found) {
            present.add(candidate.input());
            Tracked state = tracked.computeIfAbsent(candidate.input(), input -> new Tracked());
            Signature signature = candidate.signature();
            if (!signature.equals(state.seen)) {
                state.seen = signature;
                state.unchangedSince = now;
            }
            boolean settled = !now.isBefore(state.unchangedSince.plus(options.settle()));
            if (settled && !signature.equals(state.emitted)) {
                state.emitted = signature;
                ready.add(candidate);
            }
        }
        tracked.keySet().retainAll(present);
        return ready;
    }

    /**
     * Makes a candidate that was emitted ready again at the next poll, for a consumer that could
     * not take it (its queue or store was down). Nothing happens if it has changed since.
     */
    public synchronized void retry(PlateCandidate candidate) {
        Tracked state = tracked.get(candidate.input());
        if (state != null && candidate.signature().equals(state.emitted)) {
            state.emitted = null;
        }
    }

    /**
     * Polls on {@code executor} every {@link WatchOptions#pollInterval()} (the first poll at once)
     * and hands each ready candidate to {@code onReady}, on the executor's thread. A failed scan is
     * logged and the next one tried; a candidate {@code onReady} throws on is logged and retried.
     */
    public synchronized void start(ScheduledExecutorService executor, Consumer<PlateCandidate> onReady) {
        if (closed) {
            throw new IllegalStateException("drop folder watcher of " + root + " is closed");
        }
        if (polling != null) {
            throw new IllegalStateException("drop folder watcher of " + root + " is already started");
        }
        polling = executor.scheduleWithFixedDelay(() -> pollAndDeliver(onReady), 0,
                options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Like {@link #start(ScheduledExecutorService, Consumer)} on a daemon thread of its own. */
    public synchronized void start(Consumer<PlateCandidate> onReady) {
        ownExecutor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "shotscope-drop-folder");
            thread.setDaemon(true);
            return thread;
        });
        start(ownExecutor, onReady);
    }

    /**
     * Stops polling. Returns at once; a scan in progress finishes but delivers nothing more. An
     * executor passed to {@link #start} is left running (it belongs to the caller).
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (polling != null) {
            polling.cancel(false);
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    private void pollAndDeliver(Consumer<PlateCandidate> onReady) {
        List<PlateCandidate> ready;
        try {
            ready = poll();
        } catch (IOException | RuntimeException e) {
            // an exception escaping a scheduled task would silently end the polling
            LOG.log(System.Logger.Level.WARNING, "drop folder scan failed: " + e.getMessage());
            return;
        }
        for (PlateCandidate candidate : ready) {
            if (closed) {
                return;
            }
            try {
                onReady.accept(candidate);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING,
                        "drop folder: " + candidate.input() + ": not taken, retried at the next poll: " + e);
                retry(candidate);
            }
        }
    }
}
