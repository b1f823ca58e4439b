package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @BeforeEach
    void engine() {
        EngineAvailable.require();
    }

    @Test
    void tinyTrainingRunReducesTheTrainingLoss() {
        List<LabelledShot> shots = SyntheticShots.generate(60, 16, 21);
        List<LabelledShot> train = shots.subList(0, 48);
        List<LabelledShot> validation = shots.subList(48, 60);
        TrainingConfig config = new TrainingConfig(4, 12, 5e-3f, 3, 42, 16, NetworkConfig.DEFAULT, 0f, false);
        List<TrainingListener.Epoch> epochs = new ArrayList<>();
        long start = System.nanoTime();
        try (TrainingResult result = Trainer.train(train, validation, config, epochs::add)) {
            NetworkRun run = result.networks().get(0);
            System.out.printf("tiny training: %d epochs in %.1f s, train loss %s, validation loss %s, "
                            + "validation accuracy %s, best epoch %d, temperature %.3f%n",
                    run.epochsRun(), (System.nanoTime() - start) / 1e9, run.trainLoss(),
                    run.validationLoss(), run.validationAccuracy(), run.bestEpoch(), result.temperature());
            assertEquals(1, result.networks().size());
            assertEquals(1, result.classifier().metadata().networks());
            assertEquals(run.epochsRun(), epochs.size());
            assertEquals(run.epochsRun(), run.trainLoss().size());
            assertTrue(run.bestEpoch() >= 1 && run.bestEpoch() <= run.epochsRun());
            double first = run.trainLoss().get(0);
            double last = run.trainLoss().get(run.trainLoss().size() - 1);
            assertTrue(last < first, "training loss should fall: " + run.trainLoss());
            assertTrue(result.temperature() > 0);
            assertEquals(result.temperature(), result.classifier().metadata().temperature());
            EvaluationResult evaluation = Evaluator.evaluate(result.classifier(), validation);
            assertEquals(validation.size(), evaluation.count());
        }
    }

    @Test
    void trainingOnDaysLearnsThemAndSavesAnOrdinaryNetwork() throws IOException {
        List<LabelledShot> shots = withDays(SyntheticShots.generate(72, 16, 24));
        List<LabelledShot> train = shots.subList(0, 48);
        List<LabelledShot> validation = shots.subList(48, 60);
        List<LabelledShot> calibration = shots.subList(60, 72);
        TrainingConfig config = new TrainingConfig(6, 12, 5e-3f, 6, 42, 16, NetworkConfig.DEFAULT, 0f, true);
        try (TrainingResult result = Trainer.train(train, validation, calibration, config, epoch -> { })) {
            List<Double> loss = result.networks().get(0).trainLoss();
            assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "squared days error should fall: " + loss);
            assertEquals(NetworkConfig.DEFAULT, result.classifier().metadata().network());
            collectGarbage(); // the folded head must own its memory, not borrow a collectable Java buffer
            EvaluationResult evaluation = Evaluator.evaluate(result.classifier(), validation);
            assertTrue(evaluation.accuracy() > 0.6, "validation accuracy " + evaluation.accuracy());
            // the intercept is refitted after training: the estimates average the training shots' days
            double meanEstimate = result.classifier().rate(Trainer.features(train)).stream()
                    .mapToDouble(Rating::days).average().orElseThrow();
            double meanDays = train.stream().mapToDouble(LabelledShot::days).average().orElseThrow();
            assertEquals(meanDays, meanEstimate, 1e-3, "refitted by " + result.networks().get(0).daysShift() + " days");
            // the folded head is an ordinary linear head: the plain-Java network reads it and agrees
            Path dir = Files.createTempDirectory("days-model");
            result.classifier().save(dir, null);
            try (ShotClassifier java = ShotClassifier.load(dir)) {
                List<ShotFeatures> features = Trainer.features(validation);
                float[][] engine = result.classifier().logits(features);
                float[][] plain = java.logits(features);
                for (int i = 0; i < engine.length; i++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(engine[i][c], plain[i][c], 1e-3);
                    }
                }
                // and it estimates the days: more for the Hard shots (7-9 days) than for the Easy ones (1-3)
                assertEquals(result.classifier().metadata().days(), java.metadata().days());
                double[] sum = new double[3];
                int[] count = new int[3];
                for (LabelledShot shot : validation) {
                    Double days = java.predict(shot.features()).days();
                    sum[shot.label().ordinal()] += days;
                    count[shot.label().ordinal()]++;
                }
                double easy = sum[0] / count[0];
                double hard = sum[2] / count[2];
                assertTrue(hard > easy + 2, "estimated days: Easy shots " + easy + ", Hard shots " + hard);
            }
        }
    }

    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            java.nio.ByteBuffer.allocateDirect(1 << 20);
            System.gc();
        }
        for (int i = 0; i < 64; i++) {
            java.nio.ByteBuffer.allocateDirect(1 << 16).put(0, (byte) 0x7f); // reuse freed native memory
        }
    }

    /** Days that rise with the label (Easy 1-3, Medium 4-6, Hard 7-9), as a bid sheet would have them. */
    private static List<LabelledShot> withDays(List<LabelledShot> shots) {
        Random random = new Random(5);
        return shots.stream()
                .map(s -> new LabelledShot(s.id(), s.features(), s.label(), 1 + 3 * s.label().ordinal() + 2 * random.nextDouble()))
                .toList();
    }

    @Test
    void trainingOnDaysRefusesShotsWithoutThem() {
        List<LabelledShot> shots = SyntheticShots.generate(24, 16, 25);
        TrainingConfig config = new TrainingConfig(1, 12, 5e-3f, 1, 42, 16, NetworkConfig.DEFAULT, 0f, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(shots.subList(0, 12), shots.subList(12, 24), config, epoch -> { }));
        assertTrue(e.getMessage().contains("no artist-days"), e.getMessage());
    }

    @Test
    void theTemperatureIsFittedOnTheCalibrationShotsWhenGiven() {
        List<LabelledShot> shots = SyntheticShots.generate(72, 16, 22);
        List<LabelledShot> train = shots.subList(0, 48);
        List<LabelledShot> validation = shots.subList(48, 60);
        // calibration shots whose labels are shifted by one class: the model is confidently wrong on
        // them, so a temperature fitted there must flatten the probabilities far more
        List<LabelledShot> mislabelled = shots.subList(60, 72).stream()
                .map(s -> new LabelledShot(s.id(), s.features(), Difficulty.ofIndex((s.label().ordinal() + 1) % 3)))
                .toList();
        TrainingConfig config = new TrainingConfig(6, 12, 5e-3f, 6, 42, 16, NetworkConfig.DEFAULT, 0f, false);
        double onValidation;
        try (TrainingResult result = Trainer.train(train, validation, config, epoch -> { })) {
            onValidation = result.temperature();
        }
        try (TrainingResult result = Trainer.train(train, validation, mislabelled, config, epoch -> { })) {
            assertTrue(result.temperature() > 2 * onValidation,
                    "temperature on mislabelled calibration shots " + result.temperature()
                            + " should far exceed the one fitted on the validation split " + onValidation);
        }
    }

    @Test
    void severalNetworksAverageTheNetworksEachSeedWouldTrainAlone() {
        List<LabelledShot> shots = SyntheticShots.generate(60, 16, 26);
        TrainingSplit split = new TrainingSplit(shots.subList(0, 36), shots.subList(36, 48));
        List<LabelledShot> calibration = shots.subList(48, 60);
        TrainingConfig config = new TrainingConfig(3, 12, 5e-3f, 3, 42, 16, NetworkConfig.DEFAULT, 0f, false);
        List<ShotFeatures> features = Trainer.features(calibration);
        float[][] first;
        float[][] second;
        try (TrainingResult alone = Trainer.trainNetworks(List.of(split), calibration, config, epoch -> { })) {
            first = alone.classifier().logits(features);
        }
        try (TrainingResult alone = Trainer.trainNetworks(List.of(split), calibration, config.withSeed(43), epoch -> { })) {
            second = alone.classifier().logits(features);
        }
        List<TrainingListener.Epoch> epochs = new ArrayList<>();
        try (TrainingResult both = Trainer.trainNetworks(List.of(split, split), calibration, config, epochs::add)) {
            assertEquals(2, both.networks().size());
            assertEquals(2, both.classifier().metadata().networks());
            assertEquals(both.networks().get(0).epochsRun() + both.networks().get(1).epochsRun(), epochs.size());
            assertEquals(List.of(1, 2), epochs.stream().map(TrainingListener.Epoch::network).distinct().toList(),
                    "network 1's epochs, then network 2's");
            assertTrue(epochs.stream().allMatch(e -> e.networks() == 2));
            float[][] averaged = both.classifier().logits(features);
            double apart = 0;
            for (int i = 0; i < averaged.length; i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals((first[i][c] + second[i][c]) / 2, averaged[i][c], 1e-4, "shot " + i + ", class " + c);
                    apart += Math.abs(first[i][c] - second[i][c]);
                }
            }
            assertTrue(apart > 1e-2, "the two seeds should train different networks");
        }
    }

    @Test
    void severalNetworksWithoutCalibrationShotsAreRefused() {
        List<LabelledShot> shots = SyntheticShots.generate(24, 16, 27);
        TrainingSplit split = new TrainingSplit(shots.subList(0, 12), shots.subList(12, 24));
        TrainingConfig config = new TrainingConfig(1, 12, 5e-3f, 1, 42, 16, NetworkConfig.DEFAULT, 0f, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.trainNetworks(List.of(split, split), List.of(), config, epoch -> { }));
        assertTrue(e.getMessage().contains("calibration shots"), e.getMessage());
    }

    @Test
    void weightDecayKeepsTheWeightsSmaller() {
        List<LabelledShot> shots = SyntheticShots.generate(48, 16, 23);
        List<LabelledShot> train = shots.subList(0, 36);
        List<LabelledShot> validation = shots.subList(36, 48);
        TrainingConfig plain = new TrainingConfig(4, 12, 5e-3f, 4, 42, 16, NetworkConfig.DEFAULT, 0f, false);
        double plainNorm;
        try (TrainingResult result = Trainer.train(train, validation, plain, epoch -> { })) {
            plainNorm = squaredWeights(result);
        }
        try (TrainingResult result = Trainer.train(train, validation, plain.withWeightDecay(5f), epoch -> { })) {
            double decayedNorm = squaredWeights(result);
            assertTrue(decayedNorm < 0.8 * plainNorm,
                    "sum of squared weights with decay " + decayedNorm + " against " + plainNorm + " without");
        }
    }

    private static double squaredWeights(TrainingResult result) {
        double sum = 0;
        for (var parameter : result.classifier().model().getBlock().getParameters().values()) {
            sum += parameter.getArray().square().sum().getFloat();
        }
        return sum;
    }
}
