package io.shotscope.analysis;

import java.util.Arrays;
import java.util.List;

/** One metric over a shot: summary statistics and the per-frame curve, all in [0, 1]. */
public record MetricSummary(double mean, double std, double max, double p95, List<Double> frameScores) {

    /** Decimal places kept in reports: finer than any metric can resolve. */
    static final int DECIMALS = 4;

    static MetricSummary of(double[] scores) {
        if (scores.length == 0) {
            return new MetricSummary(0, 0, 0, 0, List.of());
        }
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            sum += s;
            max = Math.max(max, s);
        }
        double mean = sum / scores.length;
        double var = 0;
        for (double s : scores) {
            var += (s - mean) * (s - mean);
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        List<Double> curve = Arrays.stream(scores).map(MetricSummary::round).boxed().toList();
        return new MetricSummary(round(mean), round(Math.sqrt(var / scores.length)), round(max), round(p95), curve);
    }

    static double round(double v) {
        double f = Math.pow(10, DECIMALS);
        return Math.round(v * f) / f;
    }
}
