package io.shotscope.store;

/**
 * What a finished analysis stores.
 *
 * @param difficulty  "Easy", "Medium" or "Hard", or null when no model rated it
 * @param confidence  confidence of {@code difficulty}, or null
 * @param reportJson  the ShotReport as JSON
 * @param thumbnailJpeg a representative frame as JPEG, or null
 */
public record ShotResult(String difficulty, Double confidence, String reportJson, byte[] thumbnailJpeg) {
}
