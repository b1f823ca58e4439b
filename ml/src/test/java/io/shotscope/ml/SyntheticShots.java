package io.shotscope.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Small in-memory shots whose label depends on metric values and on frame order: Easy shots are
 * calm, Medium shots' motion ramps up over the shot, Hard shots' motion ramps down while occlusion
 * is high. Medium and Hard have the same mean motion, so only order (or occlusion) separates them.
 */
final class SyntheticShots {

    static final int MOTION = 1;
    static final int OCCLUSION = 8;

    private SyntheticShots() {
    }

    static List<LabelledShot> generate(int count, int frames, long seed) {
        Random random = new Random(seed);
        List<LabelledShot> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Difficulty label = Difficulty.ofIndex(i % 3);
            shots.add(new LabelledShot("synthetic-" + i, shot(label, frames, random), label));
        }
        return shots;
    }

    static ShotFeatures shot(Difficulty label, int frames, Random random) {
        float[][] metrics = new float[frames][ShotFeatures.METRICS];
        float[][] pictures = new float[frames][ShotFeatures.THUMBNAIL_SIZE];
        for (int t = 0; t < frames; t++) {
            double phase = t / (double) (frames - 1);
            for (int m = 0; m < ShotFeatures.METRICS; m++) {
                metrics[t][m] = clamp(0.3 + 0.1 * random.nextGaussian());
            }
            switch (label) {
                case Easy -> metrics[t][MOTION] = clamp(0.1 + 0.05 * random.nextGaussian());
                case Medium -> metrics[t][MOTION] = clamp(0.1 + 0.8 * phase + 0.05 * random.nextGaussian());
                case Hard -> {
                    metrics[t][MOTION] = clamp(0.9 - 0.8 * phase + 0.05 * random.nextGaussian());
                    metrics[t][OCCLUSION] = clamp(0.7 + 0.1 * random.nextGaussian());
                }
                default -> throw new IllegalStateException();
            }
            Arrays.fill(pictures[t], (float) (0.4 + 0.2 * random.nextDouble()));
        }
        return new ShotFeatures(metrics, pictures);
    }

    private static float clamp(double value) {
        return (float) Math.max(0, Math.min(1, value));
    }

    /** Identity normalisation (mean 0, std 1) for untrained test networks. */
    static Normalisation identity() {
        float[] ones = new float[ShotFeatures.METRICS];
        Arrays.fill(ones, 1f);
        return new Normalisation(new float[ShotFeatures.METRICS], ones);
    }

    static ShotClassifier untrained(long seed) {
        return ShotClassifier.untrained(
                ModelMetadata.current(ShotFeatures.FRAMES, identity(), 1.0, NetworkConfig.DEFAULT, seed));
    }
}
