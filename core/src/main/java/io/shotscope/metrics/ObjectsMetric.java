package io.shotscope.metrics;

/**
 * {@code objects}: how many things move apart from the camera, each weighted by its speed. Roto is
 * charged per moving shape, so three small people cost more than one large truck, which
 * {@code motion} (moving area times speed) cannot tell apart.
 *
 * <p>The regions are those {@link MovingRegions} finds between the current frame and the previous
 * one, moving by more than {@code 8 + 2.5 x} the frame's median cell difference, of at least
 * {@value #MIN_CELLS} cells (1 % of a 40 x 22 grid) and at most half the frame tall. A counted region weighs
 * {@code 1 + speed / }{@value #SPEED_SCALE}, speed being the largest block residual of the motion
 * field under it in frame widths per second, and
 * {@code score = 1 - exp(-sum of weights / }{@value #WEIGHT_SCALE}{@code )}: one slow object
 * scores 0.28, three 0.63. {@code object_count} counts the regions across four frames instead,
 * which also finds the slow ones.
 *
 * <p>Raw measurements: {@code [score, regions, weight sum]}. Undefined (NaN) on the first frame;
 * the analyser gives it the first defined value.
 */
public final class ObjectsMetric implements ComplexityMetric {
    /** Smallest region that counts, in cells. */
    static final int MIN_CELLS = 16;
    /** The regions of one step between frames. */
    static final MovingRegions.Thresholds THRESHOLDS = new MovingRegions.Thresholds(8, 2.5, MIN_CELLS, 0.5);
    /** Frame widths per second at which a region weighs double. */
    static final double SPEED_SCALE = 0.375;
    /** Sum of region weights that scores 0.63. */
    static final double WEIGHT_SCALE = 3;

    /** Index of the region count in the raw measurements. */
    static final int REGIONS = 1;
    /** Index of the weight sum in the raw measurements. */
    static final int WEIGHT = 2;

    @Override
    public String key() {
        return "objects";
    }

    @Override
    public double[] measure(FrameContext frame) {
        MotionField field = frame.motion();
        if (field == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] speeds = MovingRegions.speeds(frame, frame.previous(), field.global(), field.brightnessOffset(),
                THRESHOLDS);
        double weight = 0;
        for (double speed : speeds) {
            weight += 1 + speed / SPEED_SCALE;
        }
        return new double[] {Scores.saturating(weight, WEIGHT_SCALE), speeds.length, weight};
    }
}
