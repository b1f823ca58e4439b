package io.shotscope.ml;

import io.shotscope.analysis.ShotReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts a model's prediction into a report, in the report's own (model-agnostic) terms. */
public final class ReportPredictions {
    /** Artist-days are reported to a tenth of a day: a bid is not more precise than that. */
    private static final double TENTHS_PER_DAY = 10;

    private ReportPredictions() {
    }

    /** The report with the prediction of the model named {@code modelName} at {@code modelVersion} ({@link ShotClassifier#version}). */
    public static ShotReport attach(ShotReport report, Prediction prediction, String modelName, String modelVersion) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (Difficulty d : Difficulty.values()) {
            probabilities.put(d.name(), round(prediction.probabilities().get(d)));
        }
        List<io.shotscope.analysis.Factor> factors = prediction.explanation().stream()
                .map(f -> new io.shotscope.analysis.Factor(f.metric(), round(f.weight()),
                        f.high() ? io.shotscope.analysis.Factor.HIGH : io.shotscope.analysis.Factor.LOW,
                        f.days() == null ? null : factorDays(f.days()))).toList();
        io.shotscope.analysis.Prediction p = new io.shotscope.analysis.Prediction(prediction.label().name(),
                round(prediction.confidence()), probabilities,
                Map.of("name", modelName, "version", modelVersion),
                prediction.days() == null ? null : reportedDays(prediction.days()));
        return report.withPrediction(p, factors);
    }

    /** The network's days are linear in its features and can dip below 0 for the easiest shots; no shot takes less. */
    static double reportedDays(double estimate) {
        return Math.round(Math.max(0, estimate) * TENTHS_PER_DAY) / TENTHS_PER_DAY;
    }

    /**
     * A factor's days to a hundredth: a tenth would show most factors' share as 0.0, though their sum
     * moves the estimate by tenths.
     */
    static double factorDays(double days) {
        return Math.round(days * 100) / 100.0;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
