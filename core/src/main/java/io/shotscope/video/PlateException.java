package io.shotscope.video;

/**
 * A plate that cannot be analysed, with a one-line reason a person can act on.
 * The message never contains a stack trace or the input path: callers print
 * {@code error: <input>: <reason>}.
 */
public class PlateException extends Exception {
    public PlateException(String reason) {
        super(reason);
    }

    public PlateException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
