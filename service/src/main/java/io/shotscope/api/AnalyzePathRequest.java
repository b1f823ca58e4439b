package io.shotscope.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** @param path a movie, a sequence pattern ({@code shot.####.exr}) or a folder of frames on shared storage */
public record AnalyzePathRequest(
        @Schema(description = "movie, sequence pattern or frame folder under an allowed root",
                example = "/mnt/plates/SQ010_SH0040/SQ010_SH0040_PL01_v001.####.exr")
        String path) {
}
