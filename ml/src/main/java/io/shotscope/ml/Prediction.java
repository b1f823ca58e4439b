package io.shotscope.ml;

import java.util.List;
import java.util.Map;

/** A rated shot: the label, its calibrated probability, all class probabilities and the top factors. */
public record Prediction(
        Difficulty label, double confidence, Map<Difficulty, Double> probabilities, List<Factor> explanation) {
}
