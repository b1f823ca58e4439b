package io.shotscope.metrics;

/** Turns one frame's raw measurements into a score in [0, 1], in frame order; owns per-shot state. */
@FunctionalInterface
public interface MetricScorer {
    double score(double[] raw);
}
