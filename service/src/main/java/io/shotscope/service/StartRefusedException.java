package io.shotscope.service;

/**
 * The configuration is unsafe or impossible to start with; {@code shotscope serve} prints the message and
 * exits with 2.
 */
public final class StartRefusedException extends RuntimeException {

    private final String action;

    /**
     * @param message what is wrong, naming the setting
     * @param action  what to do about it, for Spring's failure report
     */
    public StartRefusedException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
