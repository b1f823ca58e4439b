package io.shotscope.store;

/** Where a shot is in its life: queued for a worker, being analysed, finished, or failed for good. */
public enum ShotStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** True once nothing more will happen to the shot. */
    public boolean terminal() {
        return this == DONE || this == FAILED;
    }
}
