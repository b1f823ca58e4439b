package io.shotscope.metrics;

/**
 * {@code motion}: how much things move in the frame apart from the camera. Per block, the
 * residual {@code |vector - global motion|} (analysis pixels) minus a dead zone of
 * {@value #DEAD_ZONE_PX} px for sub-pixel estimation noise, averaged over all blocks (flat
 * blocks count as still), converted to frame widths per second:
 * {@code rate = mean(max(0, residual - 0.5)) / width / secondsSincePrevious}, and
 * {@code score = 1 - exp(-rate / }{@value #SCALE}{@code )}.
 *
 * <p>Raw measurements: {@code [score, rate]}. Undefined (NaN) on the first frame, which has no
 * previous frame; the analyser gives it the first defined value.
 */
public final class MotionMetric implements ComplexityMetric {
    /** Residual under this many analysis pixels per frame step is estimation noise. */
    static final double DEAD_ZONE_PX = 0.5;
    /** Frame widths per second of mean object motion that scores 0.63. */
    static final double SCALE = 0.02;

    @Override
    public String key() {
        return "motion";
    }

    @Override
    public double[] measure(FrameContext frame) {
        MotionField field = frame.motion();
        if (field == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double rate = MotionUnits.frameWidthsPerSecond(field.meanResidual(DEAD_ZONE_PX), field.width(),
                MotionUnits.seconds(frame));
        return new double[] {Scores.saturating(rate, SCALE), rate};
    }
}
