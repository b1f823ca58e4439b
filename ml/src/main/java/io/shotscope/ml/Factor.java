package io.shotscope.ml;

/** One metric's share of a prediction (weights of a prediction's factors sum to at most 1). */
public record Factor(String metric, double weight) {
}
