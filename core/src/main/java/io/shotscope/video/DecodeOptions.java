package io.shotscope.video;

/**
 * How plates are opened.
 *
 * @param fps       frame rate to use; for sequences it is the only source of timing, for movies
 *                  it overrides the container's rate. Null means the container's rate, or
 *                  {@link #DEFAULT_SEQUENCE_FPS} for sequences.
 * @param allowGaps analyse sequences with missing frames instead of refusing them
 * @param limits    the largest plate opened at all, checked from its header
 */
public record DecodeOptions(Double fps, boolean allowGaps, InputLimits limits) {

    /** Frame rate of image sequences when none is given: the feature-film rate. */
    public static final double DEFAULT_SEQUENCE_FPS = 24.0;

    public static DecodeOptions defaults() {
        return new DecodeOptions(null, false);
    }

    /** The default {@link InputLimits}. */
    public DecodeOptions(Double fps, boolean allowGaps) {
        this(fps, allowGaps, InputLimits.defaults());
    }

    public DecodeOptions withLimits(InputLimits l) {
        return new DecodeOptions(fps, allowGaps, l);
    }

    public DecodeOptions {
        if (fps != null && !(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("fps must be in (0, 1000], got " + fps);
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits must be given");
        }
    }
}
