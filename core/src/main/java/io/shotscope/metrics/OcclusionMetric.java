package io.shotscope.metrics;

/**
 * {@code occlusion}: how much of the frame motion compensation from the previous frame cannot
 * predict: things appearing, disappearing, being covered or uncovered. Per 32x32 block the
 * bilinear motion-compensated mean absolute error (half plane, global brightness offset removed so
 * a lighting change alone is not occlusion) is compared with
 * {@code 8 + 1.5 * noise} grey levels, noise being the 20th percentile block error of the frame.
 * {@code share} = poorly predicted blocks / all blocks;
 * {@code score = 1 - exp(-share / }{@value #SCALE}{@code )}.
 *
 * <p>Raw measurements: {@code [score, share]}. Undefined (NaN) on the first frame; the analyser
 * gives it the first defined value.
 */
public final class OcclusionMetric implements ComplexityMetric {
    /** Share of poorly predicted picture that scores 0.63. */
    static final double SCALE = 0.05;

    @Override
    public String key() {
        return "occlusion";
    }

    @Override
    public double[] measure(FrameContext frame) {
        MotionField field = frame.motion();
        if (field == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double share = field.poorlyPredictedShare();
        return new double[] {Scores.saturating(share, SCALE), share};
    }
}
