package io.shotscope.ml;

import java.util.List;
import java.util.Map;

/**
 * A rated shot: the label, its calibrated probability, all class probabilities and the top factors;
 * {@code days}, the artist-days the network estimates, only from a model that learned days (else null).
 */
public record Prediction(
        Difficulty label, double confidence, Map<Difficulty, Double> probabilities, List<Factor> explanation,
        Double days) {
}
