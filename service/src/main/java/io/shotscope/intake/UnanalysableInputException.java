package io.shotscope.intake;

/** A submitted plate that cannot be analysed (not a movie, empty, missing frames ...): HTTP 422. */
public class UnanalysableInputException extends RuntimeException {
    public UnanalysableInputException(String message) {
        super(message);
    }
}
