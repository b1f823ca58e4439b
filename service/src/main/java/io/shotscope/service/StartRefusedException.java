package io.shotscope.service;

/** The configuration is unsafe to start with; {@code shotscope serve} prints the message and exits with 2. */
public final class StartRefusedException extends RuntimeException {
    public StartRefusedException(String message) {
        super(message);
    }
}
