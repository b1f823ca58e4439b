package io.shotscope.metrics;

/**
 * {@code shake}: how jittery the camera is, apart from how fast it moves. A smooth pan is an easy
 * track; hand-held or vibrating cameras break the tracker's smoothness assumptions and every frame
 * needs checking, so shake costs more than a pan of the same average speed. {@code camera_motion}
 * adds the two together; this metric keeps only the jitter.
 *
 * <p>Per frame, the camera's translation velocity {@code t} from the global fit of the motion field
 * in frame widths per second; in the scorer, in frame order, {@code jitter = |t_k - t_(k-1)|}, the
 * change of that velocity since the previous analysed frame (the second difference of the camera
 * path: 0 for a steady pan, large when the direction keeps reversing), and
 * {@code score = 1 - exp(-jitter / }{@value #SCALE}{@code )}.
 *
 * <p>Raw measurements: {@code [tx, ty, valid]}, velocities in frame widths per second, {@code valid}
 * 1 when the global fit had enough texture to tell (0 on flat frames, which score 0 and start the
 * jitter afresh, so a fade through black is not a jolt). Undefined (NaN) on the first frame; the
 * next frame has no velocity change yet and scores 0.
 */
public final class ShakeMetric implements ComplexityMetric {
    /** Frame widths per second of velocity change per analysed frame that scores 0.63. */
    static final double SCALE = 0.15;

    @Override
    public String key() {
        return "shake";
    }

    @Override
    public double[] measure(FrameContext frame) {
        MotionField field = frame.motion();
        if (field == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] velocity = MotionUnits.cameraVelocity(frame, field);
        return new double[] {velocity[0], velocity[1], field.global().valid() ? 1 : 0};
    }

    @Override
    public MetricScorer newScorer() {
        CameraJitter jitter = new CameraJitter();
        return raw -> {
            if (Double.isNaN(raw[0])) {
                return Double.NaN;
            }
            if (raw[2] == 0) {
                jitter.reset();
                return 0;
            }
            return Scores.saturating(jitter.next(raw[0], raw[1]), SCALE);
        };
    }
}
