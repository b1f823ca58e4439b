package io.shotscope.api;

import java.util.UUID;

/** No shot has this id (never had, or deleted): HTTP 404. */
public class ShotNotFoundException extends RuntimeException {
    public ShotNotFoundException(UUID id) {
        super("no shot with id " + id);
    }
}
