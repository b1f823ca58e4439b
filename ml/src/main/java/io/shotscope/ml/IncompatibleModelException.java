package io.shotscope.ml;

/** A saved model that does not fit this build of the analyser (other metrics, an incompatible analyser version). */
public class IncompatibleModelException extends RuntimeException {
    public IncompatibleModelException(String message) {
        super(message);
    }
}
