package io.shotscope.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * One shot as the API shows it. {@code report} (the full complexity report, snake_case as the CLI
 * writes it) is present on {@code GET /api/v1/shots/{id}} once the shot is DONE.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShotView(
        UUID id,
        @Schema(description = "the shot's name, from the file or sequence name", example = "SQ010_SH0040")
        String shotCode,
        ShotStatus status,
        @JsonProperty("class") @Schema(description = "Easy, Medium or Hard once rated", nullable = true)
        String difficulty,
        @Schema(description = "confidence of the class, 0..1", nullable = true)
        Double confidence,
        @Schema(description = "why the shot failed, one line", nullable = true)
        String error,
        @Schema(description = "the plate as the worker opens it")
        String input,
        @Schema(description = "upload, path or watch")
        String source,
        String contentHash,
        String analyzerVersion,
        String modelVersion,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        Links links,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue
        @Schema(description = "the complexity report", nullable = true, type = "object")
        String report) {

    /** Where the shot's parts are. */
    public record Links(String self, String frames, String thumbnail) {
    }

    /** @param report the stored report JSON, written as it is (never parsed again), or null */
    static ShotView of(ShotRecord shot, String report) {
        String self = ShotController.BASE + "/" + shot.id();
        return new ShotView(shot.id(), shot.shotCode(), shot.status(), shot.difficulty(), shot.confidence(),
                shot.error(), shot.input(), shot.source(), shot.contentHash(), shot.analyzerVersion(),
                shot.modelVersion(), shot.attempts(), shot.createdAt(), shot.updatedAt(), shot.finishedAt(),
                new Links(self, self + "/frames", self + "/thumbnail"), report);
    }
}
