package io.shotscope.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.analysis.ReportJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "estimated artist-days, to a tenth, when the model learned them (DONE and rated)",
                nullable = true, example = "4.3")
        Double days,
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
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "the metrics the explanation names, strongest first (DONE and rated): from a model "
                + "that estimates days, those adding the most days; from a model of classes only, those the class "
                + "rests on", nullable = true)
        List<String> topFactors,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "for each of top_factors, in the same order: high when the shot has more of it than "
                + "the model's training frames, low when less (absent for reports written before levels)",
                nullable = true, example = "[\"high\", \"low\"]")
        List<String> topFactorLevels,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "for each of top_factors, in the same order: the artist-days it adds to the estimate "
                + "(only from a model that estimates days, and not in reports written before 2026-12-02)",
                nullable = true, example = "[1.58, 0.74]")
        List<Double> topFactorDays,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "frames read from the plate, once DONE", nullable = true)
        Integer frames,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue
        @Schema(description = "the complexity report", nullable = true, type = "object")
        String report) {

    /** Where the shot's parts are. */
    public record Links(String self, String frames, String thumbnail, String filmstrip) {
    }

    /** How many of the explanation's factors a shot shows as its top factors. */
    static final int TOP_FACTORS = 3;

    /** @param report the stored report JSON, written as it is (never parsed again), or null */
    static ShotView of(ShotRecord shot, String report) {
        String self = ShotController.BASE + "/" + shot.id();
        Summary summary = Summary.of(shot);
        return new ShotView(shot.id(), shot.shotCode(), shot.status(), shot.difficulty(), shot.confidence(),
                summary.days(), shot.error(), shot.input(), shot.source(), shot.contentHash(), shot.analyzerVersion(),
                shot.modelVersion(), shot.attempts(), shot.createdAt(), shot.updatedAt(), shot.finishedAt(),
                new Links(self, self + "/frames", self + "/thumbnail", self + "/filmstrip"), summary.topFactors(),
                summary.topFactorLevels(), summary.topFactorDays(), summary.frames(), report);
    }

    /**
     * What a list shows of a DONE shot's report: its top factors, their levels and the days each adds (null
     * when not rated; the levels also null when the report predates them, the days unless the model
     * estimates days and the report has them), its frame count, and the estimated artist-days (null unless
     * the model that rated it learned them).
     */
    private record Summary(List<String> topFactors, List<String> topFactorLevels, List<Double> topFactorDays,
                           Integer frames, Double days) {

        static Summary of(ShotRecord shot) {
            if (shot.status() != ShotStatus.DONE || shot.reportJson() == null) {
                return new Summary(null, null, null, null, null);
            }
            try {
                JsonNode report = ReportJson.mapper().readTree(shot.reportJson());
                List<String> factors = new ArrayList<>();
                List<String> levels = new ArrayList<>();
                List<Double> added = new ArrayList<>();
                for (JsonNode factor : report.path("explanation")) {
                    if (factors.size() == TOP_FACTORS) {
                        break;
                    }
                    factors.add(factor.path("metric").asText());
                    if (factor.hasNonNull("level")) {
                        levels.add(factor.get("level").asText());
                    }
                    if (factor.hasNonNull("days")) {
                        added.add(factor.get("days").asDouble());
                    }
                }
                boolean rated = shot.difficulty() != null;
                JsonNode days = report.path("prediction").path("days");
                return new Summary(rated ? factors : null, rated && levels.size() == factors.size() ? levels : null,
                        rated && !factors.isEmpty() && added.size() == factors.size() ? added : null,
                        report.path("frames").asInt(), days.isNumber() ? days.asDouble() : null);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("shot " + shot.id() + " has a report that is not JSON", e);
            }
        }
    }
}
