package io.shotscope.metrics;

import java.util.List;

/**
 * A stretch of the shot a metric may compare across: the analysed frame up to {@value #FRAMES}
 * analysed frames before the current one, and the camera's motion and the brightness change from
 * it to the current frame. Something that moves under a pixel per frame still shows across
 * several frames.
 *
 * @param start            the earlier frame
 * @param frames           how many analysed frames back it lies (1 to {@value #FRAMES}; fewer near
 *                         the start of the shot)
 * @param camera           the camera's motion from {@code start} to the current frame: the per-step
 *                         global fits summed, which is close enough for the few frames of a span
 * @param brightnessOffset mean luma of the current frame minus that of {@code start}, grey levels
 */
public record FrameSpan(AnalysisFrame start, int frames, GlobalMotion camera, double brightnessOffset) {

    /** The longest span, in analysed frames; the analyser keeps this many earlier frames. */
    public static final int FRAMES = 4;

    /**
     * The span from {@code start} over the motion fields of each step after it, oldest first (the
     * last one ends at the current frame).
     */
    public static FrameSpan over(AnalysisFrame start, List<MotionField> steps) {
        if (steps.isEmpty() || steps.size() > FRAMES) {
            throw new IllegalArgumentException("a span covers 1 to " + FRAMES + " steps, not " + steps.size());
        }
        double tx = 0;
        double ty = 0;
        double a = 0;
        double b = 0;
        double offset = 0;
        int inliers = Integer.MAX_VALUE;
        boolean valid = true;
        for (MotionField step : steps) {
            GlobalMotion g = step.global();
            tx += g.tx();
            ty += g.ty();
            a += g.a();
            b += g.b();
            inliers = Math.min(inliers, g.inliers());
            valid &= g.valid();
            offset += step.brightnessOffset();
        }
        return new FrameSpan(start, steps.size(), new GlobalMotion(tx, ty, a, b, inliers, valid), offset);
    }
}
