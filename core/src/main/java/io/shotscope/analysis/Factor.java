package io.shotscope.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One complexity factor that drove a prediction, with its share of the attribution (weights sum to
 * at most 1) and whether the shot has more or less of it than the model's typical training shot:
 * a Hard shot is usually driven by {@value #HIGH} factors, an Easy one by {@value #LOW} ones.
 *
 * @param level {@value #HIGH} or {@value #LOW}; null in reports written before levels were reported
 */
public record Factor(String metric, double weight, @JsonInclude(JsonInclude.Include.NON_NULL) String level) {

    public static final String HIGH = "high";
    public static final String LOW = "low";
}
