package io.shotscope.ml;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shotscope.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A trained shot network with its metadata: rates shots and explains the rating. A model on disk
 * is a directory holding the weights ({@value #WEIGHTS_NAME}-0000.params), {@value #METADATA_FILE}
 * and {@value #CARD_FILE}. {@link #load} runs the network in plain Java ({@link JavaShotNetwork}, no
 * engine start); training and {@link #loadOnEngine} run it on DJL and PyTorch. Not thread-safe;
 * close it when done.
 */
public final class ShotClassifier implements DifficultyModel, AutoCloseable {

    public static final String WEIGHTS_NAME = "shotscope-difficulty";
    public static final String METADATA_FILE = "model.json";
    public static final String CARD_FILE = "MODEL_CARD.md";
    /** Shots per forward pass when rating many. */
    static final int BATCH = 16;
    static final int TOP_FACTORS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ShotNetwork network;
    private final ModelMetadata metadata;

    ShotClassifier(Model model, ModelMetadata metadata) {
        this(new EngineShotNetwork(model, metadata), metadata);
    }

    private ShotClassifier(ShotNetwork network, ModelMetadata metadata) {
        this.network = network;
        this.metadata = metadata;
    }

    /** A new, not yet initialised model holding a {@link ShotNet}; the engine is loaded offline. */
    static Model newModel(NetworkConfig network) {
        MlEngine.get();
        Model model = Model.newInstance(WEIGHTS_NAME, MlEngine.ENGINE_NAME);
        model.setBlock(new ShotNet(network));
        return model;
    }

    /** A randomly initialised classifier (seeded), for tests and as the starting point of training. */
    static ShotClassifier untrained(ModelMetadata metadata) {
        Model model = newModel(metadata.network());
        MlEngine.get().setRandomSeed((int) metadata.seed());
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, ShotNet.inputShapes(1, metadata.frames()));
        return new ShotClassifier(model, metadata);
    }

    /**
     * Loads a model directory to rate shots, running the network in plain Java (no engine start);
     * refuses a model made for other metrics or another analyser major version.
     */
    public static ShotClassifier load(Path dir) throws IOException {
        ModelMetadata metadata = readMetadata(dir);
        Path weights = dir.resolve(WEIGHTS_NAME + "-0000.params");
        if (!Files.isRegularFile(weights)) {
            throw new IOException("no weights in " + dir + " (expected " + weights.getFileName() + ")");
        }
        return new ShotClassifier(JavaShotNetwork.read(weights, metadata), metadata);
    }

    /** Loads a model directory onto DJL and PyTorch, as training made it (same checks as {@link #load}). */
    public static ShotClassifier loadOnEngine(Path dir) throws IOException {
        ModelMetadata metadata = readMetadata(dir);
        Model model = newModel(metadata.network());
        try {
            model.load(dir, WEIGHTS_NAME);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException("cannot read the weights in " + dir + ": " + e.getMessage(), e);
        }
        return new ShotClassifier(model, metadata);
    }

    private static ModelMetadata readMetadata(Path dir) throws IOException {
        Path json = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(json)) {
            throw new IOException("not a shotscope model directory (no " + METADATA_FILE + "): " + dir);
        }
        ModelMetadata metadata = JSON.readValue(json.toFile(), ModelMetadata.class);
        metadata.requireCompatible(dir);
        return metadata;
    }

    /** Writes weights, {@value #METADATA_FILE} and, if a card is given, {@value #CARD_FILE} into {@code dir}. */
    public void save(Path dir, ModelCard card) throws IOException {
        Files.createDirectories(dir);
        // DJL numbers a new weights file after any it finds, so retraining into a directory would
        // leave the old weights beside the new ones.
        try (var old = Files.newDirectoryStream(dir, WEIGHTS_NAME + "-*.params")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        model().save(dir, WEIGHTS_NAME);
        JSON.writeValue(dir.resolve(METADATA_FILE).toFile(), metadata);
        if (card != null) {
            Files.writeString(dir.resolve(CARD_FILE), card.toMarkdown(metadata));
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Rates a shot and explains it by leaving one metric out at a time: metric i is set to its
     * training mean in every frame and the drop in the predicted class's probability is its weight.
     * Weights are normalised over the positive drops; the top three are returned. One batched
     * forward pass of the variants. When the rating is so certain that its probability rounds to 1
     * whatever metric is left out (no positive drop), the drops of the class's log-odds are used.
     * A model that learned artist-days also estimates them.
     */
    public Prediction predict(ShotFeatures shot) {
        ShotFeatures sampled = shot.length() == metadata.frames() ? shot : shot.resample(metadata.frames());
        List<ShotFeatures> variants = new ArrayList<>();
        variants.add(sampled);
        for (int m = 0; m < ShotFeatures.METRICS; m++) {
            variants.add(sampled.withMetric(m, metadata.normalisation().mean()[m]));
        }
        float[][] logits = logits(variants);
        List<double[]> p = calibrated(logits);
        double[] probabilities = p.get(0);
        int label = Evaluator.argmax(probabilities);
        List<String> keys = metadata.metrics();
        double[] drops = new double[ShotFeatures.METRICS];
        double positive = 0;
        for (int m = 0; m < drops.length; m++) {
            drops[m] = probabilities[label] - p.get(m + 1)[label];
            positive += Math.max(0, drops[m]);
        }
        if (positive == 0) {
            double margin = logOdds(logits[0], label);
            for (int m = 0; m < drops.length; m++) {
                drops[m] = margin - logOdds(logits[m + 1], label);
                positive += Math.max(0, drops[m]);
            }
        }
        List<Factor> factors = new ArrayList<>();
        for (int m = 0; m < drops.length; m++) {
            if (drops[m] > 0) {
                factors.add(new Factor(keys.get(m), drops[m] / positive));
            }
        }
        factors.sort(Comparator.comparingDouble(Factor::weight).reversed());
        Map<Difficulty, Double> byClass = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) {
            byClass.put(d, probabilities[d.ordinal()]);
        }
        return new Prediction(Difficulty.ofIndex(label), probabilities[label], byClass,
                List.copyOf(factors.subList(0, Math.min(TOP_FACTORS, factors.size()))), days(logits[0]));
    }

    /** log(p(label) / (1 - p(label))) from the logits, exact where the probability rounds to 1. */
    private double logOdds(float[] logits, int label) {
        double t = metadata.temperature();
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logits.length; c++) {
            if (c != label) {
                max = Math.max(max, logits[c] / t);
            }
        }
        double others = 0;
        for (int c = 0; c < logits.length; c++) {
            if (c != label) {
                others += Math.exp(logits[c] / t - max);
            }
        }
        return logits[label] / t - max - Math.log(others);
    }

    @Override
    public double[] probabilities(ShotFeatures shot) {
        return probabilities(List.of(shot)).get(0);
    }

    /** Calibrated probabilities: softmax of logits divided by the fitted temperature. */
    @Override
    public List<double[]> probabilities(List<ShotFeatures> shots) {
        return calibrated(logits(shots));
    }

    /** Probabilities and estimated days from one forward pass per batch. */
    @Override
    public List<Rating> rate(List<ShotFeatures> shots) {
        float[][] logits = logits(shots);
        List<double[]> probabilities = calibrated(logits);
        List<Rating> out = new ArrayList<>(shots.size());
        for (int i = 0; i < logits.length; i++) {
            out.add(new Rating(probabilities.get(i), days(logits[i])));
        }
        return out;
    }

    private Double days(float[] logits) {
        return metadata.days() == null ? null : metadata.days().estimate(logits);
    }

    private List<double[]> calibrated(float[][] logits) {
        List<double[]> out = new ArrayList<>(logits.length);
        for (float[] row : logits) {
            out.add(TemperatureScaling.softmax(row, metadata.temperature()));
        }
        return out;
    }

    /** Raw network logits. */
    float[][] logits(List<ShotFeatures> shots) {
        return network.logits(shots);
    }

    /** The DJL model of a classifier trained or loaded on the engine. */
    Model model() {
        if (network instanceof EngineShotNetwork engine) {
            return engine.model();
        }
        throw new IllegalStateException("this classifier runs in plain Java; load it with loadOnEngine to train or save");
    }

    ShotClassifier withMetadata(ModelMetadata value) {
        return new ShotClassifier(new EngineShotNetwork(model(), value), value);
    }

    @Override
    public void close() {
        network.close();
    }

    /** The metric keys of this build, for callers filling {@link ShotFeatures}. */
    public static List<String> metricKeys() {
        return MetricRegistry.keys();
    }
}
