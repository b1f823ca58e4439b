package io.shotscope.ml;

import java.util.ArrayList;
import java.util.List;

/** Accuracy, macro-F1, per-class precision/recall, confusion matrix and calibration error. */
public final class Evaluator {

    public static final int CALIBRATION_BINS = 10;

    private Evaluator() {
    }

    public static EvaluationResult evaluate(DifficultyModel model, List<LabelledShot> shots) {
        List<double[]> probabilities = model.probabilities(shots.stream().map(LabelledShot::features).toList());
        return evaluate(shots.stream().map(LabelledShot::label).toList(), probabilities);
    }

    /**
     * Figures for already computed probabilities (index = {@link Difficulty#ordinal()}). Macro-F1
     * averages the classes that some shot has or some prediction names, so a test set without Hard
     * shots, rated without a Hard, is not marked down for the class it lacks.
     */
    public static EvaluationResult evaluate(List<Difficulty> truth, List<double[]> probabilities) {
        if (truth.isEmpty() || truth.size() != probabilities.size()) {
            throw new IllegalArgumentException(
                    "need one probability row per label, got " + truth.size() + " labels and "
                            + probabilities.size() + " rows");
        }
        int classes = Difficulty.values().length;
        int[][] confusion = new int[classes][classes];
        int[] binCount = new int[CALIBRATION_BINS];
        int[] binCorrect = new int[CALIBRATION_BINS];
        double[] binConfidence = new double[CALIBRATION_BINS];
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            double[] p = probabilities.get(i);
            int predicted = argmax(p);
            int actual = truth.get(i).ordinal();
            confusion[actual][predicted]++;
            int bin = Math.min(CALIBRATION_BINS - 1, (int) (p[predicted] * CALIBRATION_BINS));
            binCount[bin]++;
            binConfidence[bin] += p[predicted];
            if (predicted == actual) {
                correct++;
                binCorrect[bin]++;
            }
        }
        int n = truth.size();
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            int predictedC = 0;
            int actualC = 0;
            for (int k = 0; k < classes; k++) {
                predictedC += confusion[k][c];
                actualC += confusion[c][k];
            }
            precision[c] = predictedC == 0 ? 0 : confusion[c][c] / (double) predictedC;
            recall[c] = actualC == 0 ? 0 : confusion[c][c] / (double) actualC;
            double sum = precision[c] + recall[c];
            f1Sum += sum == 0 ? 0 : 2 * precision[c] * recall[c] / sum;
            if (actualC > 0 || predictedC > 0) {
                present++;
            }
        }
        List<EvaluationResult.Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            double accuracy = binCount[b] == 0 ? 0 : binCorrect[b] / (double) binCount[b];
            double confidence = binCount[b] == 0 ? 0 : binConfidence[b] / binCount[b];
            ece += binCount[b] / (double) n * Math.abs(accuracy - confidence);
            bins.add(new EvaluationResult.Bin(
                    b / (double) CALIBRATION_BINS, (b + 1) / (double) CALIBRATION_BINS, binCount[b], accuracy, confidence));
        }
        return new EvaluationResult(
                n, correct / (double) n, f1Sum / present, precision, recall, confusion, ece, List.copyOf(bins), null);
    }

    /**
     * How far the estimated days are from the shots' own, over the shots that have both; null when
     * none has (a model trained on labels, or shots without days).
     */
    public static EvaluationResult.DaysError daysError(List<LabelledShot> shots, List<Rating> ratings) {
        int count = 0;
        double squared = 0;
        double absolute = 0;
        for (int i = 0; i < shots.size(); i++) {
            Double estimate = ratings.get(i).days();
            if (estimate != null && shots.get(i).hasDays()) {
                double error = estimate - shots.get(i).days();
                squared += error * error;
                absolute += Math.abs(error);
                count++;
            }
        }
        return count == 0 ? null : new EvaluationResult.DaysError(count, Math.sqrt(squared / count), absolute / count);
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
