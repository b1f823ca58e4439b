package io.shotscope.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.metrics.MetricRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything besides the weights that a saved model needs to be used again: {@code model.json}.
 * {@code networks} is how many networks of the same layout the model averages (each with its own
 * weights file; models saved before it existed have one). {@code days} is set when the networks
 * learned artist-days (then they also estimate them); models trained on labels, and models saved
 * before it existed, have none.
 */
public record ModelMetadata(
        int formatVersion,
        String modelName,
        String modelVersion,
        List<String> classNames,
        List<String> metrics,
        String analyserVersion,
        int frames,
        Thumbnail thumbnail,
        Normalisation normalisation,
        double temperature,
        NetworkConfig network,
        int networks,
        long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL) DaysScale days) {

    public static final int FORMAT_VERSION = 1;
    public static final String MODEL_NAME = "shotscope-difficulty";
    public static final String MODEL_VERSION = "1";

    public ModelMetadata {
        networks = Math.max(1, networks);
    }

    /** Thumbnail layout the network expects (channel-first). */
    public record Thumbnail(int channels, int height, int width) {
        static final Thumbnail DEFAULT =
                new Thumbnail(ShotFeatures.CHANNELS, ShotFeatures.HEIGHT, ShotFeatures.WIDTH);
    }

    /** Metadata for a new model of this build: current metrics, analyser version and thumbnail size. */
    static ModelMetadata current(
            int frames, Normalisation normalisation, double temperature, NetworkConfig network, long seed) {
        return new ModelMetadata(
                FORMAT_VERSION, MODEL_NAME, MODEL_VERSION, Difficulty.names(), MetricRegistry.keys(),
                ShotAnalyzer.VERSION, frames, Thumbnail.DEFAULT, normalisation, temperature, network, 1, seed, null);
    }

    ModelMetadata withTemperature(double value) {
        return new ModelMetadata(formatVersion, modelName, modelVersion, classNames, metrics, analyserVersion,
                frames, thumbnail, normalisation, value, network, networks, seed, days);
    }

    ModelMetadata withDays(DaysScale value) {
        return new ModelMetadata(formatVersion, modelName, modelVersion, classNames, metrics, analyserVersion,
                frames, thumbnail, normalisation, temperature, network, networks, seed, value);
    }

    ModelMetadata withNetworks(int value) {
        return new ModelMetadata(formatVersion, modelName, modelVersion, classNames, metrics, analyserVersion,
                frames, thumbnail, normalisation, temperature, network, value, seed, days);
    }

    /** Throws unless this model can run on this build's analyser output. */
    void requireCompatible(Path source) {
        if (formatVersion != FORMAT_VERSION) {
            throw new IncompatibleModelException("model " + source + " has format version " + formatVersion
                    + ", expected " + FORMAT_VERSION);
        }
        if (!Difficulty.names().equals(classNames)) {
            throw new IncompatibleModelException("model " + source + " has classes " + classNames
                    + ", expected " + Difficulty.names());
        }
        requireMetrics(metrics, source);
        if (!compatibleVersion(ShotAnalyzer.VERSION).equals(compatibleVersion(analyserVersion))) {
            throw new IncompatibleModelException("model " + source + " was trained on analyser version "
                    + analyserVersion + ", expected " + compatibleVersion(ShotAnalyzer.VERSION)
                    + ".x (this analyser is " + ShotAnalyzer.VERSION + "); retrain the model");
        }
        if (!Thumbnail.DEFAULT.equals(thumbnail)) {
            throw new IncompatibleModelException("model " + source + " expects thumbnails " + thumbnail
                    + ", expected " + Thumbnail.DEFAULT);
        }
    }

    static void requireMetrics(List<String> found, Path source) {
        List<String> expected = MetricRegistry.keys();
        if (!expected.equals(found)) {
            throw new IncompatibleModelException("model " + source + " was trained on metrics " + found
                    + " but this analyser measures " + expected + "; retrain the model");
        }
    }

    /** The part of a version that must match: the major version, or "0.minor" before 1.0 (semantic versioning). */
    private static String compatibleVersion(String version) {
        if (version == null) {
            return "";
        }
        String[] parts = version.split("\\.");
        return parts[0].equals("0") && parts.length > 1 ? "0." + parts[1] : parts[0];
    }
}
