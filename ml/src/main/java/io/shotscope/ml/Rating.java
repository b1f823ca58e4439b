package io.shotscope.ml;

/**
 * One shot as a model rates it, without the explanation.
 *
 * @param probabilities calibrated, index = {@link Difficulty#ordinal()}
 * @param days          the artist-days the model estimates; null unless it learned them
 */
public record Rating(double[] probabilities, Double days) {
}
