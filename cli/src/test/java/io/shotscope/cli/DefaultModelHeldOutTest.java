package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.testsupport.SharedClips;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed default model on its held-out synthetic test set, rendered afresh exactly as
 * {@code scripts/train-default-model} renders it ({@code synth --count 1000 --seed 2 --backgrounds
 * ../shared/clips}) and evaluated with the committed model: the figures docs/model.md reports are the
 * ones this code reproduces, and the goals are checked against them. About three minutes:
 * rendering the 1000 shots, then analysing them.
 */
class DefaultModelHeldOutTest {

    /** The held-out test set of the default recipe (scripts/train-default-model). */
    private static final String COUNT = "1000";
    private static final String SEED = "2";
    /** The goal on the held-out expected calibration error. */
    private static final double ECE_GOAL = 0.05;
    /** How far a recomputed ECE or days error may differ from the recorded one (float sums in another order). */
    private static final double TOLERANCE = 0.002;

    @TempDir
    static Path dir;
    private static JsonNode network;
    private static JsonNode baseline;
    private static Path recorded;

    @BeforeAll
    static void evaluateTheCommittedModelOnAFreshRender() throws IOException {
        Path shots = dir.resolve("test");
        AnalyzeCommandTest.Run synth = AnalyzeCommandTest.run("synth", "--out", shots.toString(), "--count", COUNT,
                "--seed", SEED, "--backgrounds", SharedClips.dir().toString());
        assertEquals(0, synth.exitCode(), synth.err());
        Path model = ModelLocation.defaultModel();
        assertNotNull(model, "the committed default model is in models/default");
        Path eval = dir.resolve("eval");
        AnalyzeCommandTest.Run evaluate = AnalyzeCommandTest.run("evaluate", "--manifest",
                shots.resolve("manifest.csv").toString(), "--model", model.toString(), "--cache",
                dir.resolve("cache").toString(), "--out", eval.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        System.out.println(evaluate.out());
        ObjectMapper json = new ObjectMapper();
        network = json.readTree(eval.resolve("evaluation.json").toFile());
        baseline = json.readTree(eval.resolve("baseline/evaluation.json").toFile());
        recorded = model.getParent().getParent().resolve("docs/model-eval");
    }

    @Test
    void theNetworkScoresTheFiguresDocsModelReports() throws IOException {
        JsonNode docs = new ObjectMapper().readTree(recorded.resolve("evaluation.json").toFile());
        assertEquals(docs.get("confusion"), network.get("confusion"), "every test shot rated as recorded");
        assertEquals(docs.get("macroF1").asDouble(), network.get("macroF1").asDouble(), 1e-9);
        assertEquals(docs.get("expectedCalibrationError").asDouble(),
                network.get("expectedCalibrationError").asDouble(), TOLERANCE);
        assertEquals(docs.at("/days/rmse").asDouble(), network.at("/days/rmse").asDouble(), TOLERANCE);
    }

    @Test
    void theBaselineScoresTheFiguresDocsModelReports() throws IOException {
        JsonNode docs = new ObjectMapper().readTree(recorded.resolve("baseline/evaluation.json").toFile());
        assertEquals(docs.get("confusion"), baseline.get("confusion"), "every test shot rated as recorded");
        assertEquals(docs.get("expectedCalibrationError").asDouble(),
                baseline.get("expectedCalibrationError").asDouble(), TOLERANCE);
    }

    @Test
    void theCalibrationErrorIsWithinTheGoal() {
        double ece = network.get("expectedCalibrationError").asDouble();
        assertTrue(ece <= ECE_GOAL, "held-out ECE " + ece);
    }

    @Test
    void theBidirectionalLstmIsAtLeastAsGoodAsTheStaticBaseline() {
        double lstm = network.get("macroF1").asDouble();
        double logistic = baseline.get("macroF1").asDouble();
        assertTrue(lstm >= logistic, "macro-F1 " + lstm + " against the baseline's " + logistic);
    }
}
