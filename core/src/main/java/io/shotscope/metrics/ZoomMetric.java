package io.shotscope.metrics;

/**
 * {@code zoom}: how fast the picture scales (zoom or dolly in/out), from the global similarity fit
 * of the motion field: {@code rate = |ln(1 + a)| / secondsSincePrevious} (scale change per second,
 * independent of resolution), {@code score = 1 - exp(-rate / }{@value #SCALE}{@code )}.
 *
 * <p>Raw measurements: {@code [score, rate]}. Undefined (NaN) on the first frame; the analyser
 * gives it the first defined value.
 */
public final class ZoomMetric implements ComplexityMetric {
    /** Logarithmic scale change per second that scores 0.63. */
    static final double SCALE = 0.2;

    @Override
    public String key() {
        return "zoom";
    }

    @Override
    public double[] measure(FrameContext frame) {
        MotionField field = frame.motion();
        if (field == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double a = Math.max(-0.5, Math.min(0.5, field.global().a()));
        double rate = Math.abs(Math.log1p(a)) / MotionUnits.seconds(frame);
        return new double[] {Scores.saturating(rate, SCALE), rate};
    }
}
