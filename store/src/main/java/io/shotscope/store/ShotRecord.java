package io.shotscope.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored shot.
 *
 * @param difficulty  "Easy", "Medium" or "Hard" once done with a model, else null
 * @param confidence  the calibrated confidence of {@code difficulty}, else null
 * @param reportJson  the full ShotReport as JSON (snake_case), once done, else null
 * @param error       the one-line reason of a failure, else null
 * @param attempts    how many times a worker started the analysis
 */
public record ShotRecord(UUID id, String shotCode, String input, String source, String contentHash,
                         ShotStatus status, String difficulty, Double confidence, String reportJson, String error,
                         String analyzerVersion, String modelVersion, int attempts,
                         Instant createdAt, Instant updatedAt, Instant finishedAt) {
}
