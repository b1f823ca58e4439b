package io.shotscope.video;

import java.time.Duration;

/**
 * The largest plate that is opened at all, checked from the container or image header before any
 * frame buffer is allocated. A plate beyond a limit is refused with a {@link PlateException}
 * naming the limit.
 *
 * @param maxSide     longest allowed width or height, in pixels
 * @param maxPixels   largest allowed width x height
 * @param maxFrames   most frames a movie may declare or a sequence may hold
 * @param maxDuration longest allowed movie duration
 */
public record InputLimits(int maxSide, long maxPixels, long maxFrames, Duration maxDuration) {

    /** Twice the width of 8K DCI (8192x4320): every delivery format, with room for stitched plates. */
    public static final int DEFAULT_MAX_SIDE = 16384;
    /** 2^28 pixels (16384x16384): about 400 MB for one decoded YUV 4:2:0 frame. */
    public static final long DEFAULT_MAX_PIXELS = 1L << 28;
    /** A million frames: more than eleven hours at 24 fps. */
    public static final long DEFAULT_MAX_FRAMES = 1_000_000;
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(24);

    public InputLimits {
        if (maxSide < 1 || maxPixels < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("input limits must be positive");
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("the duration limit must be positive");
        }
    }

    public static InputLimits defaults() {
        return new InputLimits(DEFAULT_MAX_SIDE, DEFAULT_MAX_PIXELS, DEFAULT_MAX_FRAMES, DEFAULT_MAX_DURATION);
    }

    /** Refuses a frame size beyond the limits; zero or negative sizes are left to the decoder. */
    public void checkFrameSize(long width, long height) throws PlateException {
        if (width > maxSide || height > maxSide) {
            throw new PlateException("frame size " + width + "x" + height + " exceeds the limit "
                    + maxSide + "x" + maxSide);
        }
        if (width > 0 && height > 0 && width * height > maxPixels) {
            throw new PlateException("frame size " + width + "x" + height + " (" + width * height
                    + " pixels) exceeds the limit of " + maxPixels + " pixels");
        }
    }

    public void checkFrameCount(long frames) throws PlateException {
        if (frames > maxFrames) {
            throw new PlateException(frames + " frames exceed the limit of " + maxFrames + " frames");
        }
    }

    public void checkDuration(Duration duration) throws PlateException {
        if (duration.compareTo(maxDuration) > 0) {
            throw new PlateException("duration " + describe(duration) + " exceeds the limit of "
                    + describe(maxDuration));
        }
    }

    private static String describe(Duration d) {
        return d.toHours() + "h" + String.format("%02dm%02ds", d.toMinutesPart(), d.toSecondsPart());
    }
}
