package io.shotscope.api;

/** A request parameter or body the API cannot use, with what was expected: HTTP 400. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
