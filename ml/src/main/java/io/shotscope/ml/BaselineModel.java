package io.shotscope.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shotscope.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The static baseline: multinomial logistic regression on per-shot aggregates of the metrics
 * (mean, std, max and 95th percentile over the frames: 36 standardised features), trained by
 * deterministic full-batch gradient descent with L2. It ignores thumbnails and frame order.
 */
public record BaselineModel(
        List<String> metrics, double[] featureMean, double[] featureStd, double[][] weights, double[] bias)
        implements DifficultyModel {

    public static final String[] AGGREGATES = {"mean", "std", "max", "p95"};
    static final int FEATURES = ShotFeatures.METRICS * AGGREGATES.length;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Gradient descent settings; {@link #DEFAULT} suits a few hundred shots. */
    public record Settings(int iterations, double learningRate, double l2) {
        public static final Settings DEFAULT = new Settings(800, 0.5, 1e-3);
    }

    public static BaselineModel train(List<LabelledShot> shots) {
        return train(shots, Settings.DEFAULT);
    }

    public static BaselineModel train(List<LabelledShot> shots, Settings settings) {
        if (shots.isEmpty()) {
            throw new IllegalArgumentException("cannot train on no shots");
        }
        int n = shots.size();
        int classes = Difficulty.values().length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = aggregates(shots.get(i).features());
        }
        double[] mean = new double[FEATURES];
        double[] std = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            for (double[] row : x) {
                mean[j] += row[j] / n;
            }
            for (double[] row : x) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
            std[j] = Math.max(1e-6, Math.sqrt(std[j]));
        }
        for (double[] row : x) {
            standardise(row, mean, std);
        }
        double[][] w = new double[classes][FEATURES];
        double[] b = new double[classes];
        for (int step = 0; step < settings.iterations(); step++) {
            double[][] gw = new double[classes][FEATURES];
            double[] gb = new double[classes];
            for (int i = 0; i < n; i++) {
                double[] p = softmax(w, b, x[i]);
                int label = shots.get(i).label().ordinal();
                for (int c = 0; c < classes; c++) {
                    double error = (p[c] - (c == label ? 1 : 0)) / n;
                    gb[c] += error;
                    for (int j = 0; j < FEATURES; j++) {
                        gw[c][j] += error * x[i][j];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                b[c] -= settings.learningRate() * gb[c];
                for (int j = 0; j < FEATURES; j++) {
                    w[c][j] -= settings.learningRate() * (gw[c][j] + settings.l2() * w[c][j]);
                }
            }
        }
        return new BaselineModel(MetricRegistry.keys(), mean, std, w, b);
    }

    @Override
    public double[] probabilities(ShotFeatures shot) {
        double[] x = aggregates(shot);
        standardise(x, featureMean, featureStd);
        return softmax(weights, bias, x);
    }

    public Difficulty predict(ShotFeatures shot) {
        return Difficulty.ofIndex(Evaluator.argmax(probabilities(shot)));
    }

    public void save(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /** Reads a saved baseline, refusing one trained on another metric list. */
    public static BaselineModel load(Path file) throws IOException {
        BaselineModel model = JsonFiles.read(JSON, file, BaselineModel.class);
        ModelMetadata.requireMetrics(model.metrics(), file);
        return model;
    }

    /** Mean, std, max and p95 of each metric over the shot's frames, metric by metric. */
    static double[] aggregates(ShotFeatures shot) {
        int frames = shot.length();
        double[] out = new double[FEATURES];
        double[] values = new double[frames];
        for (int m = 0; m < ShotFeatures.METRICS; m++) {
            double sum = 0;
            for (int t = 0; t < frames; t++) {
                values[t] = shot.metrics()[t][m];
                sum += values[t];
            }
            double mean = sum / frames;
            double var = 0;
            for (double v : values) {
                var += (v - mean) * (v - mean) / frames;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int base = m * AGGREGATES.length;
            out[base] = mean;
            out[base + 1] = Math.sqrt(var);
            out[base + 2] = sorted[frames - 1];
            out[base + 3] = sorted[Math.max(0, (int) Math.ceil(0.95 * frames) - 1)];
        }
        return out;
    }

    private static void standardise(double[] row, double[] mean, double[] std) {
        for (int j = 0; j < row.length; j++) {
            row[j] = (row[j] - mean[j]) / std[j];
        }
    }

    private static double[] softmax(double[][] w, double[] b, double[] x) {
        double[] z = new double[b.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            z[c] = b[c];
            for (int j = 0; j < x.length; j++) {
                z[c] += w[c][j] * x[j];
            }
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }
}
