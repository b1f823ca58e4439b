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

    /** The camera's translation velocity {@code [tx, ty]} over this frame step, in frame widths per second. */
    static double[] cameraVelocity(FrameContext frame, MotionField field) {
        GlobalMotion camera = field.global();
        double seconds = seconds(frame);
        return new double[] {
            frameWidthsPerSecond(camera.tx(), field.width(), seconds),
            frameWidthsPerSecond(camera.ty(), field.width(), seconds)};
    }

    /** A displacement in analysis pixels per frame step as frame widths per second. */
    static double frameWidthsPerSecond(double pixels, int width, double seconds) {
        return pixels / width / seconds;
    }
}
