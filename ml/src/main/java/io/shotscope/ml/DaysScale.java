package io.shotscope.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a network trained on artist-days rates shots. The network predicts one number per shot, its
 * days in standard units {@code d = (days - mean) / std}; the class logits are linear in it
 * (an adjacent-category ordinal model):
 * {@code [0, (d - easyBelow) / width, (2d - easyBelow - mediumBelow) / width]}, so Medium is as
 * likely as Easy at {@code d = easyBelow} and as Hard at {@code d = mediumBelow}. Being linear, the
 * map folds into an ordinary linear head after training ({@link #foldWeight}, {@link #foldBias}),
 * and temperature scaling then sets how sharp the probabilities are.
 *
 * @param mean        mean artist-days of the training shots
 * @param std         their standard deviation
 * @param easyBelow   the Easy / Medium boundary, in standard units
 * @param mediumBelow the Medium / Hard boundary, in standard units
 */
record DaysScale(double mean, double std, double easyBelow, double mediumBelow) {

    /** Standard units of days per unit of logit before calibration: about the spread of a good prediction. */
    static final double WIDTH = 0.25;
    /** Row of the head that carries the days while training. */
    static final int DAYS_ROW = 1;

    /** The scale for these training shots (all with days): boundaries where the labels change. */
    static DaysScale fit(List<LabelledShot> shots) {
        double[] days = shots.stream().mapToDouble(LabelledShot::days).toArray();
        double mean = Arrays.stream(days).average().orElse(0);
        double var = Arrays.stream(days).map(d -> (d - mean) * (d - mean)).average().orElse(0);
        double std = Math.max(1e-6, Math.sqrt(var));
        double easy = (boundary(shots, Difficulty.Easy) - mean) / std;
        double medium = (boundary(shots, Difficulty.Medium) - mean) / std;
        return new DaysScale(mean, std, easy, Math.max(easy, medium));
    }

    /**
     * The days value that best separates shots labelled at most {@code upTo} from the rest (fewest
     * shots on the wrong side; the midpoint between the two neighbouring shots).
     */
    static double boundary(List<LabelledShot> shots, Difficulty upTo) {
        List<LabelledShot> sorted = shots.stream().sorted(Comparator.comparingDouble(LabelledShot::days)).toList();
        long easier = sorted.stream().filter(s -> s.label().compareTo(upTo) <= 0).count();
        // cutting below every shot puts all the easier shots on the wrong side
        long bestWrong = easier;
        double cut = sorted.isEmpty() ? 0 : sorted.get(0).days();
        long harderBelow = 0;
        long easierBelow = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).label().compareTo(upTo) > 0) {
                harderBelow++;
            } else {
                easierBelow++;
            }
            long wrong = harderBelow + (easier - easierBelow);
            if (wrong < bestWrong) {
                bestWrong = wrong;
                cut = i + 1 < sorted.size() ? (sorted.get(i).days() + sorted.get(i + 1).days()) / 2 : sorted.get(i).days();
            }
        }
        return cut;
    }

    double standard(double days) {
        return (days - mean) / std;
    }

    /** The predicted days (standard units) in a batch of training logits {@code [B, 3]}, as {@code [B]}. */
    NDArray daysOf(NDArray logits) {
        return logits.get(":, " + DAYS_ROW).mul(WIDTH).add(easyBelow);
    }

    /** The artist-days a shot's logits estimate (its training or its folded logits; the temperature does not enter). */
    double estimate(float[] logits) {
        return mean + std * daysOf(logits);
    }

    /**
     * The predicted days (standard units) in one shot's logits, training or folded: in both the
     * Medium logit less the Easy one is {@code (d - easyBelow) / width}.
     */
    double daysOf(float[] logits) {
        return (logits[DAYS_ROW] - logits[0]) * WIDTH + easyBelow;
    }

    /** Logits {@code [B, 3]} from the head's raw output {@code [B, 3]}, of which only the days row counts. */
    NDArray logits(NDArray raw) {
        NDArray d = raw.get(":, " + DAYS_ROW);
        NDArray medium = d.sub(easyBelow).div(WIDTH);
        NDArray hard = d.mul(2).sub(easyBelow + mediumBelow).div(WIDTH);
        return NDArrays.stack(new NDList(d.zerosLike(), medium, hard), 1);
    }

    /** The head weight (3 rows of {@code n}, row-major) that gives {@link #logits} directly. */
    float[] foldWeight(float[] weight, int n) {
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float w = weight[DAYS_ROW * n + i];
            out[n + i] = (float) (w / WIDTH);
            out[2 * n + i] = (float) (2 * w / WIDTH);
        }
        return out;
    }

    /** The head bias (3 values) that gives {@link #logits} directly. */
    float[] foldBias(float[] bias) {
        double b = bias[DAYS_ROW];
        return new float[] {0, (float) ((b - easyBelow) / WIDTH), (float) ((2 * b - easyBelow - mediumBelow) / WIDTH)};
    }
}
