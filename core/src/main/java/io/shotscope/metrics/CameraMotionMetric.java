package io.shotscope.metrics;

/**
 * {@code camera_motion}: how fast and how jittery the camera moves, from the global similarity fit
 * of the motion field. Per frame, in frame widths per second (analysis pixels / width / seconds):
 * <ul>
 *   <li>{@code speed = |t| + |b| * halfDiagonal}, translation plus rotation at the frame corner;</li>
 *   <li>{@code shake = |t_k - t_(k-1)|}, the change of the translation velocity from the previous
 *   frame, i.e. the second difference of the accumulated camera path; computed in the scorer,
 *   causally, in frame order (0 on the first frame that has motion).</li>
 * </ul>
 * {@code score = 1 - exp(-(speed + }{@value #SHAKE_WEIGHT}{@code * shake) / }{@value #SCALE}{@code )}.
 * A steady pan scores through {@code speed} alone; shake adds on top of it. Zoom is left to
 * {@link ZoomMetric}.
 *
 * <p>Raw measurements: {@code [tx, ty, rotation]} in frame widths per second. Undefined (NaN) on
 * the first frame; the analyser gives it the first defined value.
 */
public final class CameraMotionMetric implements ComplexityMetric {
    /** Frame widths per second of camera speed that scores 0.63. */
    static final double SCALE = 0.15;
    /** Weight of the shake (velocity change) term. */
    static final double SHAKE_WEIGHT = 1.0;

    @Override
    public String key() {
        return "camera_motion";
    }

    @Override
    public double[] measure(FrameContext frame) {
        MotionField field = frame.motion();
        if (field == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] velocity = MotionUnits.cameraVelocity(frame, field);
        double halfDiagonal = 0.5 * Math.hypot(field.width(), field.height());
        double rotation = MotionUnits.frameWidthsPerSecond(
                Math.abs(field.global().b()) * halfDiagonal, field.width(), MotionUnits.seconds(frame));
        return new double[] {velocity[0], velocity[1], rotation};
    }

    @Override
    public MetricScorer newScorer() {
        CameraJitter jitter = new CameraJitter();
        return raw -> {
            if (Double.isNaN(raw[0])) {
                return Double.NaN;
            }
            double speed = Math.hypot(raw[0], raw[1]) + raw[2];
            double shake = jitter.next(raw[0], raw[1]);
            return Scores.saturating(speed + SHAKE_WEIGHT * shake, SCALE);
        };
    }
}
