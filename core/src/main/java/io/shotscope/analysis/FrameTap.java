package io.shotscope.analysis;

import io.shotscope.metrics.AnalysisFrame;

/**
 * Sees every analysed frame, in order, on the analysing thread, before the frame's pooled buffer
 * is reused: copy what you need, keep no reference.
 */
@FunctionalInterface
public interface FrameTap {
    FrameTap NONE = (index, frame) -> { };

    /** @param analysedIndex position of the frame among the analysed frames (0, 1, 2 ...) */
    void frame(int analysedIndex, AnalysisFrame frame);
}
