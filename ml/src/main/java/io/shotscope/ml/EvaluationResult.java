package io.shotscope.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a model did on a labelled set.
 *
 * @param confusion counts, rows = true class, columns = predicted class (both in {@link Difficulty} order)
 * @param precision per class, 0 when the class was never predicted
 * @param recall per class, 0 when the class never occurs
 * @param expectedCalibrationError over {@link #bins()}: sum of |accuracy - confidence| weighted by bin share
 * @param bins ten equal-width confidence bins, for the reliability diagram
 * @param days how far the estimated artist-days were from the shots' own, when the model estimates
 *             days and the shots have them (else null, and left out of the JSON)
 */
public record EvaluationResult(
        int count,
        double accuracy,
        double macroF1,
        double[] precision,
        double[] recall,
        int[][] confusion,
        double expectedCalibrationError,
        List<Bin> bins,
        @JsonInclude(JsonInclude.Include.NON_NULL) DaysError days) {

    public EvaluationResult withDays(DaysError value) {
        return new EvaluationResult(count, accuracy, macroF1, precision, recall, confusion, expectedCalibrationError,
                bins, value);
    }

    /** Predictions whose confidence fell in [lower, upper) (the last bin includes 1). */
    public record Bin(double lower, double upper, int count, double accuracy, double confidence) {
    }

    /** Estimated against true artist-days over {@code count} shots: root-mean-square and mean absolute error. */
    public record DaysError(int count, double rmse, double meanAbsolute) {
    }
}
