package io.shotscope.ml;

/**
 * Calibrates logits by one scalar: probabilities = softmax(logits / T). T is fitted on a held-out
 * split by a golden-section search over log T, minimising the mean negative log-likelihood.
 * T is kept within [0.25, 10]: a small validation split that the model separates perfectly would
 * otherwise drive T towards 0 and make every rating look certain.
 */
public final class TemperatureScaling {

    static final double MIN_T = 0.25;
    static final double MAX_T = 10;

    private TemperatureScaling() {
    }

    public static double fit(float[][] logits, int[] labels) {
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = nll(logits, labels, Math.exp(a));
        double fb = nll(logits, labels, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = nll(logits, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = nll(logits, labels, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of the true labels under softmax(logits / temperature). */
    public static double nll(float[][] logits, int[] labels, double temperature) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            total -= Math.log(Math.max(1e-12, softmax(logits[i], temperature)[labels[i]]));
        }
        return total / logits.length;
    }

    public static double[] softmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
