package io.shotscope.cli;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.video.DecodeOptions;
import picocli.CommandLine.Option;

/** The analysis flags, shared by every command that analyses plates. */
final class AnalysisOptionsMixin {

    @Option(names = "--stride", paramLabel = "N", defaultValue = "1",
            description = "Analyse every Nth frame (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "0",
            description = "Stop after N analysed frames; 0 means the whole plate (default: ${DEFAULT-VALUE}).")
    int maxFrames;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads measuring frames in parallel (default: the number of cores).")
    Integer threads;

    @Option(names = "--fps", paramLabel = "FPS",
            description = "Frame rate: timing of image sequences (default 24) and override for movies (default: the container's).")
    Double fps;

    @Option(names = "--allow-gaps",
            description = "Analyse sequences with missing frames; the gaps are listed in the report.")
    boolean allowGaps;

    @Option(names = "--analysis-size", paramLabel = "PX", defaultValue = "" + AnalysisOptions.DEFAULT_ANALYSIS_LONG_SIDE,
            description = "Longest side frames are downscaled to before measuring (default: ${DEFAULT-VALUE}).")
    int analysisSize;

    /** The options; throws IllegalArgumentException with a one-line reason for bad values. */
    AnalysisOptions toOptions() {
        int n = threads == null ? AnalysisOptions.defaultThreads() : threads;
        return new AnalysisOptions(new DecodeOptions(fps, allowGaps), stride, maxFrames, n, analysisSize);
    }
}
