package io.shotscope.analysis;

import io.shotscope.video.DecodeOptions;
import java.time.Duration;

/**
 * Every knob of one analysis, with the defaults in one place.
 *
 * @param decode           how plates are opened (frame rate, gaps)
 * @param stride           analyse every Nth frame (1 = every frame)
 * @param maxFrames        stop after this many analysed frames (0 = no limit)
 * @param threads          worker threads measuring frames in parallel (the decoder has its own)
 * @param analysisLongSide frames are downscaled so their longer side is at most this many pixels
 * @param timeLimit        longest one plate may take to analyse; null means no limit. Checked before
 *                         each frame is decoded: a plate over it fails with a PlateException.
 */
public record AnalysisOptions(DecodeOptions decode, int stride, int maxFrames, int threads, int analysisLongSide,
                              Duration timeLimit) {

    /**
     * 640 px: the size the metrics were calibrated at, and small enough that analysis keeps up with
     * decoding. Scores of one content delivered at 720p and at 1080p agree within 0.01 at this size,
     * because it is below the detail of either (measured; see docs/metrics.md).
     */
    public static final int DEFAULT_ANALYSIS_LONG_SIDE = 640;

    public AnalysisOptions {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1");
        }
        if (maxFrames < 0) {
            throw new IllegalArgumentException("max-frames must not be negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (analysisLongSide < 64) {
            throw new IllegalArgumentException("analysis size must be at least 64 pixels");
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
    }

    /** No time limit. */
    public AnalysisOptions(DecodeOptions decode, int stride, int maxFrames, int threads, int analysisLongSide) {
        this(decode, stride, maxFrames, threads, analysisLongSide, null);
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(DecodeOptions.defaults(), 1, 0, defaultThreads(), DEFAULT_ANALYSIS_LONG_SIDE);
    }

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public AnalysisOptions withThreads(int n) {
        return new AnalysisOptions(decode, stride, maxFrames, n, analysisLongSide, timeLimit);
    }

    public AnalysisOptions withStride(int n) {
        return new AnalysisOptions(decode, n, maxFrames, threads, analysisLongSide, timeLimit);
    }

    public AnalysisOptions withMaxFrames(int n) {
        return new AnalysisOptions(decode, stride, n, threads, analysisLongSide, timeLimit);
    }

    public AnalysisOptions withTimeLimit(Duration limit) {
        return new AnalysisOptions(decode, stride, maxFrames, threads, analysisLongSide, limit);
    }

    public AnalysisOptions withDecode(DecodeOptions d) {
        return new AnalysisOptions(d, stride, maxFrames, threads, analysisLongSide, timeLimit);
    }
}
