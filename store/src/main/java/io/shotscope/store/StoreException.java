package io.shotscope.store;

/** A shot store operation that the database refused or could not run; the message names the operation. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
