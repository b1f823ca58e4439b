package io.shotscope.watch;

import java.time.Duration;

/**
 * How the drop folder is watched, with the defaults in one place.
 *
 * @param settle       how long a plate's file count, total size and newest modification time must
 *                     stay unchanged before it counts as completely copied
 * @param pollInterval pause between the end of one scan and the start of the next
 * @param maxDepth     folders more than this many levels below the root are not scanned; symbolic
 *                     links are never followed, this bounds what links cannot cause (bind-mount
 *                     loops, runaway trees)
 */
public record WatchOptions(Duration settle, Duration pollInterval, int maxDepth) {

    /**
     * 5 s: far longer than the pause between two writes of a local or LAN copy, short enough that a
     * dropped plate starts soon. Transfers that stall for longer (WAN, tape restores) need more.
     */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

    /** 2 s: listing a drop folder of a few thousand files takes milliseconds, so polling is cheap. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    /** 16 levels: show/sequence/shot/plate/version nest five or six deep; the rest is headroom. */
    public static final int DEFAULT_MAX_DEPTH = 16;

    public WatchOptions {
        if (settle == null || settle.isNegative()) {
            throw new IllegalArgumentException("settle time must not be negative, got " + settle);
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max depth must be at least 1, got " + maxDepth);
        }
    }

    public static WatchOptions defaults() {
        return new WatchOptions(DEFAULT_SETTLE, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_DEPTH);
    }

    public WatchOptions withSettle(Duration value) {
        return new WatchOptions(value, pollInterval, maxDepth);
    }

    public WatchOptions withPollInterval(Duration value) {
        return new WatchOptions(settle, value, maxDepth);
    }

    public WatchOptions withMaxDepth(int value) {
        return new WatchOptions(settle, pollInterval, value);
    }
}
