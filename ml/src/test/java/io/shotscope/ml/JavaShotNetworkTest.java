package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaShotNetworkTest {

    private static final Path DEFAULT_MODEL = Path.of("..", "models", "default");
    /** Float rounding differs between PyTorch's kernels and plain Java loops; logits are O(1). */
    private static final double LOGIT_TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @BeforeEach
    void engine() {
        EngineAvailable.require();
    }

    @Test
    void javaForwardPassGivesTheEngineLogitsForTheDefaultModel() throws IOException {
        assumeTrue(Files.isDirectory(DEFAULT_MODEL), "the committed default model is at " + DEFAULT_MODEL);
        assertSameLogits(DEFAULT_MODEL, shots(12, 21));
    }

    @Test
    void javaForwardPassGivesTheEngineLogitsForOtherLayerSizes() throws IOException {
        List<ShotFeatures> shots = shots(6, 22);
        saveUntrained(new NetworkConfig(8, 12, 10, 6, 16, false, 0.5f), shots);
        assertSameLogits(dir, shots);
    }

    @Test
    void modelsSavedBeforeTheShotSummaryExistedLoadWithoutIt() throws IOException {
        List<ShotFeatures> shots = shots(4, 25);
        saveUntrained(new NetworkConfig(16, 32, 32, 32, 32, false, 0f), shots);
        ObjectMapper json = new ObjectMapper();
        ObjectNode saved = (ObjectNode) json.readTree(dir.resolve(ShotClassifier.METADATA_FILE).toFile());
        ((ObjectNode) saved.get("network")).remove("shotSummary");
        json.writeValue(dir.resolve(ShotClassifier.METADATA_FILE).toFile(), saved);

        try (ShotClassifier loaded = ShotClassifier.load(dir)) {
            assertEquals(false, loaded.metadata().network().shotSummary());
        }
        assertSameLogits(dir, shots);
    }

    @Test
    void javaPredictionsAndExplanationsMatchTheEngine() throws IOException {
        assumeTrue(Files.isDirectory(DEFAULT_MODEL), "the committed default model is at " + DEFAULT_MODEL);
        try (ShotClassifier java = ShotClassifier.load(DEFAULT_MODEL);
                ShotClassifier engine = ShotClassifier.loadOnEngine(DEFAULT_MODEL)) {
            for (ShotFeatures shot : shots(5, 23)) {
                Prediction a = java.predict(shot);
                Prediction b = engine.predict(shot);
                assertEquals(b.label(), a.label());
                assertEquals(b.confidence(), a.confidence(), 1e-4);
                assertEquals(b.explanation().stream().map(Factor::metric).toList(),
                        a.explanation().stream().map(Factor::metric).toList());
            }
        }
    }

    @Test
    void javaNetworkOutputChangesWithOnlyTheFirstOrOnlyTheLastFrame() throws IOException {
        assumeTrue(Files.isDirectory(DEFAULT_MODEL), "the committed default model is at " + DEFAULT_MODEL);
        ShotFeatures shot = shots(1, 24).get(0).resample(ShotFeatures.FRAMES);
        try (ShotClassifier java = ShotClassifier.load(DEFAULT_MODEL)) {
            float[][] logits = java.logits(List.of(shot, withFrame(shot, 0), withFrame(shot, ShotFeatures.FRAMES - 1)));
            assertTrue(difference(logits[0], logits[1]) > 1e-6, "changing the first frame must change the output");
            assertTrue(difference(logits[0], logits[2]) > 1e-6, "changing the last frame must change the output");
        }
    }

    @Test
    void weightsOfOtherSizesThanModelJsonAreRefusedWithTheLayerNamed() throws IOException {
        try (ShotClassifier untrained = SyntheticShots.untrained(3)) {
            untrained.save(dir, null);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode metadata = (ObjectNode) json.readTree(dir.resolve(ShotClassifier.METADATA_FILE).toFile());
        ((ObjectNode) metadata.get("network")).put("convChannels1", 8);
        json.writeValue(dir.resolve(ShotClassifier.METADATA_FILE).toFile(), metadata);

        IOException e = assertThrows(IOException.class, () -> ShotClassifier.load(dir));
        assertTrue(e.getMessage().contains("thumbnail conv 1 weight has shape [16, 3, 3, 3]"), e.getMessage());
    }

    @Test
    void aFileThatIsNotDjlParametersIsRefused() throws IOException {
        try (ShotClassifier untrained = SyntheticShots.untrained(3)) {
            untrained.save(dir, null);
        }
        Files.writeString(dir.resolve(ShotClassifier.WEIGHTS_NAME + "-0000.params"), "not weights");
        IOException e = assertThrows(IOException.class, () -> ShotClassifier.load(dir));
        assertTrue(e.getMessage().contains("not a DJL parameter file"), e.getMessage());
    }

    /** Saves a seeded untrained network of these sizes, normalised on {@code shots}, into {@link #dir}. */
    private void saveUntrained(NetworkConfig network, List<ShotFeatures> shots) throws IOException {
        ModelMetadata metadata = ModelMetadata.current(
                ShotFeatures.FRAMES, Normalisation.fit(labelled(shots)), 1.3, network, 4);
        try (ShotClassifier untrained = ShotClassifier.untrained(metadata)) {
            untrained.save(dir, null);
        }
    }

    private static void assertSameLogits(Path model, List<ShotFeatures> shots) throws IOException {
        try (ShotClassifier java = ShotClassifier.load(model);
                ShotClassifier engine = ShotClassifier.loadOnEngine(model)) {
            float[][] expected = engine.logits(shots);
            float[][] actual = java.logits(shots);
            double worst = 0;
            for (int b = 0; b < shots.size(); b++) {
                for (int c = 0; c < expected[b].length; c++) {
                    worst = Math.max(worst, Math.abs(expected[b][c] - actual[b][c]));
                }
            }
            assertTrue(worst < LOGIT_TOLERANCE, "largest logit difference " + worst);
        }
    }

    /** Shots with random metrics and textured thumbnails, of several lengths (some resampled). */
    private static List<ShotFeatures> shots(int count, long seed) {
        Random random = new Random(seed);
        List<ShotFeatures> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int frames = ShotFeatures.FRAMES + (i % 3 - 1) * 7;
            float[][] metrics = new float[frames][ShotFeatures.METRICS];
            float[][] pictures = new float[frames][ShotFeatures.THUMBNAIL_SIZE];
            for (int t = 0; t < frames; t++) {
                for (int m = 0; m < ShotFeatures.METRICS; m++) {
                    metrics[t][m] = random.nextFloat();
                }
                for (int p = 0; p < ShotFeatures.THUMBNAIL_SIZE; p++) {
                    pictures[t][p] = random.nextFloat();
                }
            }
            shots.add(new ShotFeatures(metrics, pictures));
        }
        return shots;
    }

    private static ShotFeatures withFrame(ShotFeatures shot, int t) {
        float[][] metrics = shot.metrics().clone();
        metrics[t] = new float[ShotFeatures.METRICS];
        java.util.Arrays.fill(metrics[t], 0.95f);
        return new ShotFeatures(metrics, shot.frames());
    }

    private static double difference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static List<LabelledShot> labelled(List<ShotFeatures> shots) {
        return shots.stream().map(s -> new LabelledShot("random", s, Difficulty.Easy)).toList();
    }
}
