package io.shotscope.metrics;

/**
 * Block motion between two frames and its global (camera) fit. Placeholder: filled in by the
 * motion estimation work.
 */
public final class MotionField {
    static MotionField estimate(AnalysisFrame previous, AnalysisFrame current) {
        return new MotionField();
    }
}
