package io.shotscope.ml;

import io.shotscope.metrics.MetricRegistry;
import java.util.Objects;

/**
 * What the classifier sees of one shot: T sampled frames, each with the metric scores (in
 * {@code MetricRegistry.keys()} order, each in [0,1]) and an RGB thumbnail flattened channel-first
 * (3 x 36 x 64, floats in [0,1]).
 */
public record ShotFeatures(float[][] metrics, float[][] frames) {

    /**
     * Frames sampled per shot. 32 covers a typical 2-10 s shot at a few frames a second, which is
     * enough to see a camera move or an occluder pass while keeping one forward pass cheap.
     */
    public static final int FRAMES = 32;

    /** Metric scores per frame: one per registered metric. */
    public static final int METRICS = MetricRegistry.keys().size();
    public static final int CHANNELS = 3;
    public static final int HEIGHT = 36;
    public static final int WIDTH = 64;
    public static final int THUMBNAIL_SIZE = CHANNELS * HEIGHT * WIDTH;

    public ShotFeatures {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(frames, "frames");
        if (metrics.length == 0 || metrics.length != frames.length) {
            throw new IllegalArgumentException(
                    "need the same non-zero number of metric rows and frames, got "
                            + metrics.length + " and " + frames.length);
        }
        for (int t = 0; t < metrics.length; t++) {
            if (metrics[t].length != METRICS) {
                throw new IllegalArgumentException(
                        "frame " + t + " has " + metrics[t].length + " metrics, expected " + METRICS);
            }
            if (frames[t].length != THUMBNAIL_SIZE) {
                throw new IllegalArgumentException(
                        "frame " + t + " thumbnail has " + frames[t].length + " values, expected "
                                + THUMBNAIL_SIZE + " (3 x 36 x 64)");
            }
        }
    }

    public int length() {
        return metrics.length;
    }

    /** This shot with exactly {@code count} frames, picked at evenly spread indices (repeating if short). */
    public ShotFeatures resample(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int[] indices = evenlySpread(length(), count);
        float[][] m = new float[count][];
        float[][] f = new float[count][];
        for (int i = 0; i < count; i++) {
            m[i] = metrics[indices[i]];
            f[i] = frames[indices[i]];
        }
        return new ShotFeatures(m, f);
    }

    /** {@code count} indices into {@code [0, length)}, first and last included, evenly spread. */
    public static int[] evenlySpread(int length, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = count == 1 ? 0 : (int) Math.round(i * (length - 1) / (double) (count - 1));
        }
        return indices;
    }

    /** A copy whose metric {@code index} is {@code value} in every frame (thumbnails shared). */
    ShotFeatures withMetric(int index, float value) {
        float[][] m = new float[length()][];
        for (int t = 0; t < m.length; t++) {
            m[t] = metrics[t].clone();
            m[t][index] = value;
        }
        return new ShotFeatures(m, frames);
    }
}
