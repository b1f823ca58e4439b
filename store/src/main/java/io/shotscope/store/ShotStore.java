package io.shotscope.store;

import java.util.Optional;
import java.util.UUID;

/**
 * Where shots and their results live. One thin implementation per database; every implementation
 * passes the same contract test suite. Every method is safe to call from many processes at once.
 */
public interface ShotStore {

    /** Stores a new shot in status QUEUED and returns it. */
    ShotRecord create(NewShot shot);

    Optional<ShotRecord> find(UUID id);

    /**
     * The most recent shot with this content analysed (or being analysed) by these versions that
     * has not failed: what a re-submission of identical content can answer with.
     */
    Optional<ShotRecord> findByContent(String contentHash, String analyzerVersion, String modelVersion);

    /** QUEUED or RUNNING to RUNNING, counting an attempt; false when the shot is gone or terminal. */
    boolean markRunning(UUID id);

    /**
     * Stores the result and moves the shot to DONE; false when the shot is gone or FAILED. Idempotent: a
     * shot already DONE keeps its first result and answers true.
     */
    boolean markDone(UUID id, ShotResult result);

    /**
     * Moves the shot to FAILED with a one-line reason; false when the shot is gone or DONE (a late failure
     * never overwrites a result). Idempotent: a shot already FAILED keeps its first reason and answers true.
     */
    boolean markFailed(UUID id, String error);

    ShotPage search(ShotQuery query);

    /** The thumbnail stored with the result, if any. */
    Optional<byte[]> thumbnail(UUID id);

    /** Deletes the shot and its result; false when there was none. */
    boolean delete(UUID id);

    /** Number of shots in this status. */
    long count(ShotStatus status);
}
