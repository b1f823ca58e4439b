package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.metrics.MetricRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PredictionTest {

    @BeforeEach
    void engine() {
        EngineAvailable.require();
    }

    @Test
    void predictionExplainsItselfWithTopMetrics() {
        // its speed is a benchmark (scripts/bench --model, docs/benchmarks.md), never a test
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Hard, ShotFeatures.FRAMES, new Random(4));
        try (ShotClassifier classifier = SyntheticShots.untrained(9)) {
            Prediction prediction = classifier.predict(shot);

            assertEquals(prediction.probabilities().get(prediction.label()), prediction.confidence(), 1e-12);
            double total = prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, total, 1e-6);
            assertTrue(prediction.explanation().size() <= 3);
            double weights = 0;
            for (Factor factor : prediction.explanation()) {
                assertTrue(MetricRegistry.keys().contains(factor.metric()), factor.metric());
                assertTrue(factor.weight() > 0 && factor.weight() <= 1);
                weights += factor.weight();
            }
            assertTrue(weights <= 1 + 1e-9);
        }
    }

    @Test
    void eachFactorSaysWhetherTheShotHasMoreOfItThanTheTrainingFrames() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Medium, ShotFeatures.FRAMES, new Random(6));
        ShotFeatures most = shot;
        ShotFeatures least = shot;
        for (int m = 0; m < ShotFeatures.METRICS; m++) {
            most = most.withMetric(m, 1f);  // the top of every score's range: above any training mean
            least = least.withMetric(m, 0f);
        }
        try (ShotClassifier untrained = SyntheticShots.untrained(9)) {
            // training frames whose every metric averaged 0.5: 1 is above that, 0 below
            float[] half = new float[ShotFeatures.METRICS];
            float[] spread = new float[ShotFeatures.METRICS];
            Arrays.fill(half, 0.5f);
            Arrays.fill(spread, 0.25f);
            ModelMetadata m = untrained.metadata();
            ShotClassifier classifier = untrained.withMetadata(new ModelMetadata(m.formatVersion(), m.modelName(),
                    m.modelVersion(), m.classNames(), m.metrics(), m.analyserVersion(), m.frames(), m.thumbnail(),
                    new Normalisation(half, spread), m.temperature(), m.network(), m.networks(), m.seed(), m.days()));
            List<Factor> high = classifier.predict(most).explanation();
            List<Factor> low = classifier.predict(least).explanation();

            assertTrue(!high.isEmpty() && high.stream().allMatch(Factor::high), high.toString());
            assertTrue(!low.isEmpty() && low.stream().noneMatch(Factor::high), low.toString());
        }
    }

    @Test
    void aCertainRatingStillNamesItsFactors() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Hard, ShotFeatures.FRAMES, new Random(4));
        try (ShotClassifier untrained = SyntheticShots.untrained(9)) {
            // a tiny temperature makes every probability round to 0 or 1, whatever metric is left out
            ShotClassifier certain = untrained.withMetadata(untrained.metadata().withTemperature(1e-6));
            Prediction prediction = certain.predict(shot);
            assertEquals(1.0, prediction.confidence());
            assertTrue(!prediction.explanation().isEmpty(), "explained by log-odds when probabilities saturate");
            double weights = prediction.explanation().stream().mapToDouble(Factor::weight).sum();
            assertTrue(weights > 0 && weights <= 1 + 1e-9, "weights " + weights);
        }
    }

    @Test
    void aDaysModelNamesTheFactorsThatAddTheMostDays() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Hard, ShotFeatures.FRAMES, new Random(4));
        try (ShotClassifier untrained = SyntheticShots.untrained(9)) {
            ShotClassifier classifier = untrained.withMetadata(untrained.metadata().withDays(DAYS));
            Prediction prediction = classifier.predict(shot);
            double[] added = daysAdded(classifier, shot);

            List<Factor> factors = prediction.explanation();
            assertEquals(3, factors.size(), factors.toString());
            double[] sorted = Arrays.stream(added).map(d -> -d).sorted().map(d -> -d).toArray();
            double positive = Arrays.stream(added).filter(d -> d > 0).sum();
            for (int i = 0; i < factors.size(); i++) {
                Factor factor = factors.get(i);
                int m = MetricRegistry.keys().indexOf(factor.metric());
                assertEquals(added[m], factor.days(), 1e-6, factor.metric());
                assertEquals(sorted[i], factor.days(), 1e-6, "the " + (i + 1) + "th most days added");
                assertEquals(factor.days() / positive, factor.weight(), 1e-9);
            }
            assertTrue(sorted[0] > 0, "something adds days: " + Arrays.toString(added));
        }
    }

    @Test
    void aDaysModelNamesWhatTakesDaysOffWhenNothingAddsThem() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Medium, ShotFeatures.FRAMES, new Random(6));
        try (ShotClassifier untrained = SyntheticShots.untrained(9)) {
            ShotClassifier classifier = untrained.withMetadata(untrained.metadata().withDays(DAYS));
            float[] mean = classifier.metadata().normalisation().mean();
            for (int m = 0; m < ShotFeatures.METRICS; m++) {
                shot = shot.withMetric(m, mean[m]);
            }
            // only one metric differs from the training mean: it alone adds days, or it alone takes them off
            boolean added = false;
            boolean takenOff = false;
            for (int m = 0; m < ShotFeatures.METRICS && !(added && takenOff); m++) {
                for (float value : new float[] {mean[m] - 2, mean[m] + 2}) {
                    ShotFeatures one = shot.withMetric(m, value);
                    double days = daysAdded(classifier, one)[m];
                    List<Factor> factors = classifier.predict(one).explanation();

                    assertEquals(1, factors.size(), factors.toString());
                    assertEquals(MetricRegistry.keys().get(m), factors.get(0).metric());
                    assertEquals(days, factors.get(0).days(), 1e-6);
                    assertEquals(1.0, factors.get(0).weight(), 1e-9);
                    added |= days > 0;
                    takenOff |= days < 0;
                }
            }
            assertTrue(added && takenOff, "both cases met");
        }
    }

    /** A days scale with the training shots' mean at 5 days, 3 days a standard unit. */
    private static final DaysScale DAYS = new DaysScale(5, 3, -0.3, 0.5);

    /** The days each metric adds to the shot's estimate: the estimate less the one with that metric at its mean. */
    private static double[] daysAdded(ShotClassifier classifier, ShotFeatures shot) {
        List<ShotFeatures> variants = new java.util.ArrayList<>(List.of(shot));
        for (int m = 0; m < ShotFeatures.METRICS; m++) {
            variants.add(shot.withMetric(m, classifier.metadata().normalisation().mean()[m]));
        }
        List<Rating> ratings = classifier.rate(variants);
        double[] added = new double[ShotFeatures.METRICS];
        for (int m = 0; m < added.length; m++) {
            added[m] = ratings.get(0).days() - ratings.get(m + 1).days();
        }
        return added;
    }

    @Test
    void variantsSharingThumbnailsGiveTheSameLogitsAsSeparateCopies() {
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Medium, ShotFeatures.FRAMES, new Random(5));
        ShotFeatures shared = shot.withMetric(SyntheticShots.MOTION, 0.5f);
        float[][] copiedFrames = new float[shot.length()][];
        for (int t = 0; t < copiedFrames.length; t++) {
            copiedFrames[t] = shot.frames()[t].clone();
        }
        ShotFeatures separate = new ShotFeatures(shared.metrics(), copiedFrames);
        try (ShotClassifier classifier = SyntheticShots.untrained(9)) {
            float[][] packedOnce = classifier.logits(List.of(shot, shared));
            float[][] packedTwice = classifier.logits(List.of(shot, separate));
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(packedTwice[i], packedOnce[i], 1e-5f);
            }
        }
    }

    @Test
    void shotsOfAnyLengthAreResampledToEvenlySpreadFrames() {
        assertEquals("[0, 3, 6, 9]", Arrays.toString(ShotFeatures.evenlySpread(10, 4)));
        assertEquals("[0, 0, 1, 1]", Arrays.toString(ShotFeatures.evenlySpread(2, 4)));
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Easy, 90, new Random(1));
        ShotFeatures resampled = shot.resample(ShotFeatures.FRAMES);
        assertEquals(ShotFeatures.FRAMES, resampled.length());
        assertEquals(shot.metrics()[89], resampled.metrics()[ShotFeatures.FRAMES - 1]);
    }
}
