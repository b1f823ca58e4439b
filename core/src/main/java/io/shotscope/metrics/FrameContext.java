package io.shotscope.metrics;

/**
 * What a metric may look at for one analysed frame: the frame, the previously analysed frame
 * (null for the first), timing, and derived data computed once per frame and shared by the
 * metrics (the block motion field). One instance per frame, used by one thread.
 */
public final class FrameContext {
    private final AnalysisFrame current;
    private final AnalysisFrame previous;
    private final double secondsSincePrevious;
    private final double nativePixelsPerAnalysisPixel;
    private MotionField motion;

    /**
     * @param secondsSincePrevious         time between {@code previous} and {@code current}
     *                                     (stride / fps); meaningless when previous is null
     * @param nativePixelsPerAnalysisPixel how much the plate was downscaled to the analysis size (>= 1)
     */
    public FrameContext(AnalysisFrame current, AnalysisFrame previous, double secondsSincePrevious,
                        double nativePixelsPerAnalysisPixel) {
        this.current = current;
        this.previous = previous;
        this.secondsSincePrevious = secondsSincePrevious;
        this.nativePixelsPerAnalysisPixel = nativePixelsPerAnalysisPixel;
    }

    public AnalysisFrame current() {
        return current;
    }

    /** The previously analysed frame, or null for the first frame of the shot. */
    public AnalysisFrame previous() {
        return previous;
    }

    public boolean isFirst() {
        return previous == null;
    }

    public double secondsSincePrevious() {
        return secondsSincePrevious;
    }

    public double nativePixelsPerAnalysisPixel() {
        return nativePixelsPerAnalysisPixel;
    }

    /** Block motion from the previous frame to this one, with its global fit; null for the first frame. */
    public MotionField motion() {
        if (previous == null) {
            return null;
        }
        if (motion == null) {
            motion = MotionField.estimate(previous, current);
        }
        return motion;
    }
}
