package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shotscope.analysis.ReportJson;
import io.shotscope.analysis.ShotReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportPredictionsTest {

    private static final ShotReport REPORT = new ShotReport("a.mov", "a", "movie", "abc", 10, 10, 0, 9, 24, 64, 36,
            10 / 24.0, "h264", 1, 64, 36, List.of(), Map.of(), Map.of(), List.of(), "0.4.0", Map.of(), null, null);
    private static final ModelMetadata MODEL = ModelMetadata.current(
            ShotFeatures.FRAMES, Normalisation.fit(SyntheticShots.generate(3, ShotFeatures.FRAMES, 1)), 1.0,
            NetworkConfig.DEFAULT, 1);

    @Test
    void daysAreReportedToATenthAndNeverBelowZero() throws JsonProcessingException {
        assertEquals(4.3, attach(4.26).prediction().days());
        assertEquals(0.0, attach(-0.71).prediction().days());
        assertTrue(ReportJson.mapper().writeValueAsString(attach(4.26)).contains("\"days\":4.3"));
    }

    @Test
    void theReportNamesTheModelAndTheVersionItWasGiven() {
        assertEquals(Map.of("name", "shotscope-difficulty", "version", "1+0123456789ab"), attach(null).prediction().model());
    }

    @Test
    void eachFactorOfTheReportSaysHighOrLow() throws JsonProcessingException {
        ShotReport report = attach(null);
        assertEquals(List.of(new io.shotscope.analysis.Factor("blur", 0.7, "high"),
                new io.shotscope.analysis.Factor("noise", 0.3, "low")), report.explanation());
        assertTrue(ReportJson.mapper().writeValueAsString(report).contains(
                "{\"metric\":\"noise\",\"weight\":0.3,\"level\":\"low\"}"));
    }

    @Test
    void eachFactorOfADaysModelSaysTheDaysItAddsToAHundredth() throws JsonProcessingException {
        Map<Difficulty, Double> probabilities = Map.of(Difficulty.Easy, 0.7, Difficulty.Medium, 0.2, Difficulty.Hard, 0.1);
        Prediction prediction = new Prediction(Difficulty.Easy, 0.7, probabilities,
                List.of(new Factor("shake", 0.8, true, 1.2345), new Factor("noise", 0.2, false, 0.3049)), 2.1);
        ShotReport report = ReportPredictions.attach(REPORT, prediction, MODEL.modelName(), "1+0123456789ab");
        assertEquals(List.of(1.23, 0.3), report.explanation().stream().map(io.shotscope.analysis.Factor::days).toList());
        assertTrue(ReportJson.mapper().writeValueAsString(report).contains(
                "{\"metric\":\"shake\",\"weight\":0.8,\"level\":\"high\",\"days\":1.23}"));
    }

    @Test
    void aModelWithoutDaysLeavesThemOutOfTheReport() throws JsonProcessingException {
        ShotReport report = attach(null);
        assertNull(report.prediction().days());
        assertFalse(ReportJson.mapper().writeValueAsString(report).contains("days"));
    }

    private static ShotReport attach(Double days) {
        Map<Difficulty, Double> probabilities = Map.of(Difficulty.Easy, 0.7, Difficulty.Medium, 0.2, Difficulty.Hard, 0.1);
        Prediction prediction = new Prediction(Difficulty.Easy, 0.7, probabilities,
                List.of(new Factor("blur", 0.7, true, null), new Factor("noise", 0.3, false, null)), days);
        return ReportPredictions.attach(REPORT, prediction, MODEL.modelName(), "1+0123456789ab");
    }
}
