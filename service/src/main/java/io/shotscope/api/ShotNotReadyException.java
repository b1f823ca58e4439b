package io.shotscope.api;

import io.shotscope.store.ShotRecord;

/** Something only a finished shot has (frames, thumbnail) was asked of one that is not DONE: HTTP 409. */
public class ShotNotReadyException extends RuntimeException {
    public ShotNotReadyException(ShotRecord shot, String what) {
        super("shot " + shot.id() + " has no " + what + ": it is " + shot.status()
                + (shot.error() == null ? "" : " (" + shot.error() + ")"));
    }
}
