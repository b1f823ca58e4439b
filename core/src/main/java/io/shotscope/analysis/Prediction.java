package io.shotscope.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A model's verdict on a shot, as reports carry it. The core only holds it; models live elsewhere.
 *
 * @param label         Easy, Medium or Hard (serialised as {@code class})
 * @param confidence    calibrated probability of {@code label}
 * @param probabilities calibrated probability of every class
 * @param model         which model said so, e.g. {@code {"name": "shotscope-default", "version": "1"}}
 * @param days          the artist-days the model estimates, from a model that learned them (else
 *                      null and left out of the JSON)
 */
public record Prediction(
        @JsonProperty("class") String label,
        double confidence,
        Map<String, Double> probabilities,
        Map<String, String> model,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double days) {
}
