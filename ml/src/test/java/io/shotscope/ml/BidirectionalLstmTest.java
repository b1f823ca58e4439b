package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BidirectionalLstmTest {

    private static final int T = ShotFeatures.FRAMES;
    private static final int STATE = NetworkConfig.DEFAULT.stateSize();

    @BeforeEach
    void engine() {
        EngineAvailable.require();
    }

    @Test
    void modelOutputDependsOnTheFirstAndOnTheLastFrame() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Medium, T, new Random(1));
        try (ShotClassifier classifier = SyntheticShots.untrained(7)) {
            float[][] logits = classifier.logits(List.of(shot, changeFrame(shot, T - 1), changeFrame(shot, 0)));
            assertTrue(maxDifference(logits[0], logits[1]) > 1e-6, "changing the last frame must change the output");
            assertTrue(maxDifference(logits[0], logits[2]) > 1e-6, "changing the first frame must change the output");
        }
    }

    @Test
    void lstmStateAtTheFirstStepSeesTheLastFrame() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Hard, T, new Random(2));
        try (ShotClassifier classifier = SyntheticShots.untrained(7);
                NDManager manager = classifier.model().getNDManager().newSubManager()) {
            ShotNet net = (ShotNet) classifier.model().getBlock();
            NDList inputs = ShotTranslator.inputs(
                    manager, List.of(shot, changeFrame(shot, T - 1)), SyntheticShots.identity(), T);
            NDArray states = net.encode(new ParameterStore(manager, false), inputs, false); // [2, T, 2 * STATE]
            float[] original = states.get("0, 0, :").toFloatArray();
            float[] changed = states.get("1, 0, :").toFloatArray();

            for (float v : states.toFloatArray()) {
                assertTrue(Float.isFinite(v), "LSTM output must be finite in both directions");
            }
            float[] forwardBefore = java.util.Arrays.copyOfRange(original, 0, STATE);
            float[] forwardAfter = java.util.Arrays.copyOfRange(changed, 0, STATE);
            assertArrayEquals(forwardBefore, forwardAfter, 1e-6f, "the forward direction at t=0 cannot see the future");
            assertTrue(maxDifference(original, changed) > 1e-6,
                    "the LSTM output at t=0 must change when only the last frame changes (backward direction)");
        }
    }

    @Test
    void dropoutActsWhileTrainingAndNeverWhileRating() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Easy, T, new Random(3));
        try (ShotClassifier classifier = SyntheticShots.untrained(7);
                NDManager manager = classifier.model().getNDManager().newSubManager()) {
            ShotNet net = (ShotNet) classifier.model().getBlock();
            assertTrue(net.config().dropout() > 0, "the default network trains with dropout");
            NDList inputs = ShotTranslator.inputs(manager, List.of(shot), SyntheticShots.identity(), T);
            ParameterStore store = new ParameterStore(manager, false);
            float[] rated = net.forward(store, inputs, false).head().toFloatArray();
            assertArrayEquals(rated, net.forward(store, inputs, false).head().toFloatArray(), 0f,
                    "rating the same shot twice gives the same logits");
            float[] trainingA = net.forward(store, inputs, true).head().toFloatArray();
            float[] trainingB = net.forward(store, inputs, true).head().toFloatArray();
            assertTrue(maxDifference(trainingA, trainingB) > 1e-6, "dropout draws another mask on every training pass");
        }
    }

    /** The shot with frame {@code t}'s metrics and thumbnail replaced. */
    private static ShotFeatures changeFrame(ShotFeatures shot, int t) {
        float[][] metrics = shot.metrics().clone();
        float[][] frames = shot.frames().clone();
        metrics[t] = new float[ShotFeatures.METRICS];
        java.util.Arrays.fill(metrics[t], 0.95f);
        frames[t] = new float[ShotFeatures.THUMBNAIL_SIZE];
        java.util.Arrays.fill(frames[t], 0.05f);
        return new ShotFeatures(metrics, frames);
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
