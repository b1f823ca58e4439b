package io.shotscope.metrics;

/** Unit conversions shared by the motion metrics: per-frame-step analysis pixels to per-second rates. */
final class MotionUnits {
    /** Used when the context carries no usable frame interval. */
    static final double DEFAULT_SECONDS = 1 / 24.0;

    private MotionUnits() {
    }

    /** Seconds between the previous and the current analysed frame (stride / fps). */
    static double seconds(FrameContext frame) {
        double dt = frame.secondsSincePrevious();
        return dt > 0 && Double.isFinite(dt) ? dt : DEFAULT_SECONDS;
    }

    /** A displacement in analysis pixels per frame step as frame widths per second. */
    static double frameWidthsPerSecond(double pixels, int width, double seconds) {
        return pixels / width / seconds;
    }
}
