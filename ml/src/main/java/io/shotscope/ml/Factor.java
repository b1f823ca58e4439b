package io.shotscope.ml;

/**
 * One metric's share of a prediction's explanation (weights of a prediction's factors sum to at most
 * 1), whether the shot's mean of it is above the training frames' mean ({@code high}) or not, and, from
 * a model that learned artist-days, the days it adds to the estimate (negative: takes off; else null).
 */
public record Factor(String metric, double weight, boolean high, Double days) {
}
