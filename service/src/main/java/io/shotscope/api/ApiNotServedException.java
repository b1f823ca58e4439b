package io.shotscope.api;

/** The REST API was asked of a worker-only process: HTTP 503. */
public class ApiNotServedException extends RuntimeException {
    public ApiNotServedException() {
        super("this shotscope process only works jobs (serve --worker); the API is served by processes started"
                + " with serve or serve --no-worker");
    }
}
