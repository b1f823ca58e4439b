package io.shotscope.store;

import java.util.Objects;
import java.util.UUID;

/**
 * A shot about to be stored, before any analysis.
 *
 * @param id              chosen by the caller so the job and the record share it
 * @param shotCode        the shot's name as a production tracker knows it (file stem, e.g. SQ010_SH0040)
 * @param input           the plate: a movie path or a sequence pattern, as the worker will open it
 * @param source          how it arrived: "upload", "path" or "watch"
 * @param contentHash     SHA-256 of the content (file, or a sequence's frames in order)
 * @param analyzerVersion the analyser version the result will carry
 * @param modelVersion    the model version the result will carry, or "none"
 */
public record NewShot(UUID id, String shotCode, String input, String source, String contentHash,
                      String analyzerVersion, String modelVersion) {
    public NewShot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shotCode, "shotCode");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(analyzerVersion, "analyzerVersion");
        Objects.requireNonNull(modelVersion, "modelVersion");
    }
}
