package io.shotscope.api;

import java.util.UUID;

/** No shot has this id (never had, or deleted): HTTP 404. */
public class ShotNotFoundException extends RuntimeException {
    public ShotNotFoundException(UUID id) {
        super("no shot with id " + id);
    }

    /** The shot exists but lacks a part: {@code what} says which, e.g. "has no frame 7 in its filmstrip". */
    public ShotNotFoundException(UUID id, String what) {
        super("shot " + id + " " + what);
    }
}
