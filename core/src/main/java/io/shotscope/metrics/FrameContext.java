package io.shotscope.metrics;

import java.util.List;

/**
 * What a metric may look at for one analysed frame: the frame, the previously analysed frame
 * (null for the first), a span back to an earlier frame ({@link FrameSpan}), timing, and derived
 * data computed once per frame and shared by the metrics (the block motion field). One instance
 * per frame, used by one thread.
 */
public final class FrameContext {
    private final AnalysisFrame current;
    private final AnalysisFrame previous;
    private final double secondsSincePrevious;
    private final double nativePixelsPerAnalysisPixel;
    private MotionField motion;
    private FrameSpan span;

    /**
     * A context that knows only the previous frame: its motion field is estimated when first asked
     * for, and its span is that one step.
     *
     * @param secondsSincePrevious         time between {@code previous} and {@code current}
     *                                     (stride / fps); meaningless when previous is null
     * @param nativePixelsPerAnalysisPixel how much the plate was downscaled to the analysis size (>= 1)
     */
    public FrameContext(AnalysisFrame current, AnalysisFrame previous, double secondsSincePrevious,
                        double nativePixelsPerAnalysisPixel) {
        this(current, previous, null, null, secondsSincePrevious, nativePixelsPerAnalysisPixel);
    }

    /**
     * A context with its motion field and span already worked out (as the analyser does, which
     * estimates each frame's motion once and keeps the frames a span needs).
     *
     * @param motion block motion from {@code previous} to {@code current}; null to estimate it here
     * @param span   the span back to an earlier frame; null for a one-step span over {@code previous}
     */
    public FrameContext(AnalysisFrame current, AnalysisFrame previous, MotionField motion, FrameSpan span,
                        double secondsSincePrevious, double nativePixelsPerAnalysisPixel) {
        this.current = current;
        this.previous = previous;
        this.motion = motion;
        this.span = span;
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

    /** The span back to an earlier frame (up to {@value FrameSpan#FRAMES} frames); null for the first frame. */
    public FrameSpan span() {
        if (previous == null) {
            return null;
        }
        if (span == null) {
            span = FrameSpan.over(previous, List.of(motion()));
        }
        return span;
    }
}
