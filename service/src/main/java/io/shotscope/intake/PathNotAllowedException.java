package io.shotscope.intake;

/** A path outside the folders {@code analyze-path} may read: HTTP 403. */
public class PathNotAllowedException extends RuntimeException {
    public PathNotAllowedException(String message) {
        super(message);
    }
}
