package io.shotscope.ml;

/**
 * One metric's share of a prediction (weights of a prediction's factors sum to at most 1), and
 * whether the shot's mean of it is above the training frames' mean ({@code high}) or not.
 */
public record Factor(String metric, double weight, boolean high) {
}
