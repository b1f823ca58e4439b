package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;
import io.shotscope.video.Picture;

/**
 * One frame as the metrics see it: luma at the analysis size plus a half- and a quarter-size
 * pyramid for motion estimation. Pooled: the analyser reuses instances, so metrics must not keep
 * references to it beyond {@link ComplexityMetric#measure}.
 */
public final class AnalysisFrame {
    /** The decoded frame at the analysis size: luma plus half-size chroma (for thumbnails). */
    public final Picture picture;
    /** Luma at the analysis size (width and height are multiples of 4); the same plane as {@code picture.luma}. */
    public final LumaPlane luma;
    /** {@link #luma} box-filtered to half size. */
    public final LumaPlane half;
    /** {@link #half} box-filtered to half size again. */
    public final LumaPlane quarter;
    private int frameNumber;

    public AnalysisFrame(int width, int height) {
        if (width % 4 != 0 || height % 4 != 0 || width < 16 || height < 16) {
            throw new IllegalArgumentException("analysis size must be multiples of 4 and at least 16: "
                    + width + "x" + height);
        }
        this.picture = new Picture(width, height);
        this.luma = picture.luma;
        this.half = new LumaPlane(width / 2, height / 2);
        this.quarter = new LumaPlane(width / 4, height / 4);
    }

    /** Builds the pyramid from {@link #luma}, which the decoder has just filled. */
    public void prepare(int frameNumber) {
        this.frameNumber = frameNumber;
        luma.downsampleInto(half);
        half.downsampleInto(quarter);
    }

    public int frameNumber() {
        return frameNumber;
    }
}
