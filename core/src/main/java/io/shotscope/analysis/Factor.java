package io.shotscope.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One complexity factor that drove a prediction, with its share of the attribution (weights sum to
 * at most 1) and whether the shot has more or less of it than the model's typical training shot.
 * From a model that estimates artist-days, the factors are those that add the most days to the
 * estimate (usually {@value #HIGH} ones), each with the days it adds; from a model that learned
 * classes only, those the class rests on (a Hard shot is usually driven by {@value #HIGH} factors,
 * an Easy one by {@value #LOW} ones).
 *
 * @param level {@value #HIGH} or {@value #LOW}; null in reports written before levels were reported
 * @param days  the artist-days the factor adds to the estimate against the training shots' average of
 *              it (negative: takes off); null from models without days and in reports written before
 */
public record Factor(String metric, double weight, @JsonInclude(JsonInclude.Include.NON_NULL) String level,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Double days) {

    public static final String HIGH = "high";
    public static final String LOW = "low";

    /** A factor without days (a model that learned classes only). */
    public Factor(String metric, double weight, String level) {
        this(metric, weight, level, null);
    }
}
