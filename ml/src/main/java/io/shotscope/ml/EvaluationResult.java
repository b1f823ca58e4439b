package io.shotscope.ml;

import java.util.List;

/**
 * How a model did on a labelled set.
 *
 * @param confusion counts, rows = true class, columns = predicted class (both in {@link Difficulty} order)
 * @param precision per class, 0 when the class was never predicted
 * @param recall per class, 0 when the class never occurs
 * @param expectedCalibrationError over {@link #bins()}: sum of |accuracy - confidence| weighted by bin share
 * @param bins ten equal-width confidence bins, for the reliability diagram
 */
public record EvaluationResult(
        int count,
        double accuracy,
        double macroF1,
        double[] precision,
        double[] recall,
        int[][] confusion,
        double expectedCalibrationError,
        List<Bin> bins) {

    /** Predictions whose confidence fell in [lower, upper) (the last bin includes 1). */
    public record Bin(double lower, double upper, int count, double accuracy, double confidence) {
    }
}
