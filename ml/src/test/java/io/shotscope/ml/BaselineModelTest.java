package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineModelTest {

    @Test
    void learnsALinearlySeparableToySet(@TempDir Path dir) throws IOException {
        List<LabelledShot> train = toySet(300, 1);
        List<LabelledShot> test = toySet(60, 2);
        BaselineModel model = BaselineModel.train(train);
        EvaluationResult result = Evaluator.evaluate(model, test);
        System.out.printf("baseline on the toy set: accuracy %.3f, macro-F1 %.3f%n", result.accuracy(), result.macroF1());
        assertEquals(1.0, Evaluator.evaluate(model, train).accuracy(), 1e-12);
        assertTrue(result.accuracy() >= 0.95, "held-out accuracy " + result.accuracy());
        assertArrayEquals(model.bias(), BaselineModel.train(train).bias(), 0.0, "training is deterministic");

        Path file = dir.resolve("baseline.json");
        model.save(file);
        BaselineModel loaded = BaselineModel.load(file);
        for (LabelledShot shot : test) {
            assertArrayEquals(model.probabilities(shot.features()), loaded.probabilities(shot.features()), 1e-12);
        }
    }

    @Test
    void baselineForOtherMetricsIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("baseline.json");
        BaselineModel.train(toySet(9, 3)).save(file);
        Files.writeString(file, Files.readString(file).replace("\"occlusion\"", "\"sharpness\""));
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> BaselineModel.load(file));
        assertTrue(e.getMessage().contains("sharpness") && e.getMessage().contains("occlusion"), e.getMessage());
    }

    /** Shots whose blur is low, middling or high by class, with the other metrics random. */
    private static List<LabelledShot> toySet(int count, long seed) {
        Random random = new Random(seed);
        List<LabelledShot> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Difficulty label = Difficulty.ofIndex(i % 3);
            int frames = 5 + random.nextInt(20);
            float[][] metrics = new float[frames][ShotFeatures.METRICS];
            float[][] pictures = new float[frames][ShotFeatures.THUMBNAIL_SIZE];
            for (int t = 0; t < frames; t++) {
                for (int m = 0; m < ShotFeatures.METRICS; m++) {
                    metrics[t][m] = random.nextFloat();
                }
                metrics[t][0] = 0.15f + 0.35f * label.ordinal() + 0.1f * (random.nextFloat() - 0.5f);
            }
            shots.add(new LabelledShot("toy-" + i, new ShotFeatures(metrics, pictures), label));
        }
        return shots;
    }
}
