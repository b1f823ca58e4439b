package io.shotscope.analysis;

/** One complexity factor that drove a prediction, with its share of the attribution (weights sum to at most 1). */
public record Factor(String metric, double weight) {
}
