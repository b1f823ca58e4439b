package io.shotscope.ml;

import java.util.List;

/** Per-metric mean and standard deviation over every training frame; stored with the model. */
public record Normalisation(float[] mean, float[] std) {

    private static final float MIN_STD = 1e-3f;

    public static Normalisation fit(List<LabelledShot> shots) {
        int n = ShotFeatures.METRICS;
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        long count = 0;
        for (LabelledShot shot : shots) {
            for (float[] row : shot.features().metrics()) {
                for (int i = 0; i < n; i++) {
                    sum[i] += row[i];
                    sumSq[i] += (double) row[i] * row[i];
                }
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("cannot normalise an empty training set");
        }
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int i = 0; i < n; i++) {
            double m = sum[i] / count;
            mean[i] = (float) m;
            std[i] = (float) Math.max(MIN_STD, Math.sqrt(Math.max(0, sumSq[i] / count - m * m)));
        }
        return new Normalisation(mean, std);
    }

    public float apply(int metric, float value) {
        return (value - mean[metric]) / std[metric];
    }
}
