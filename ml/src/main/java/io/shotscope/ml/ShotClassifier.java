package io.shotscope.ml;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shotscope.analysis.ContentHash;
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
 * One or more trained shot networks with their metadata: rates shots from the average of the
 * networks' logits and explains the rating. A model on disk is a directory holding the weights of
 * each network ({@value #WEIGHTS_NAME}-0000.params for the first, {@value #WEIGHTS_NAME}-net2-0000.params
 * for the second and so on), {@value #METADATA_FILE} and {@value #CARD_FILE}. {@link #load} runs the
 * networks in plain Java ({@link JavaShotNetwork}, no engine start); training and {@link #loadOnEngine}
 * run them on DJL and PyTorch. Not thread-safe; close it when done.
 */
public final class ShotClassifier implements DifficultyModel, AutoCloseable {

    public static final String WEIGHTS_NAME = "shotscope-difficulty";
    public static final String METADATA_FILE = "model.json";
    public static final String CARD_FILE = "MODEL_CARD.md";
    /** Shots per forward pass when rating many. */
    static final int BATCH = 16;
    static final int TOP_FACTORS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the networks after the first add to {@link #WEIGHTS_NAME} in their weights file's name. */
    private static final String NETWORK_SUFFIX = "-net";

    /** Hex digits of the files' digest in a loaded model's {@link #version}. */
    private static final int DIGEST_CHARS = 12;

    private final List<ShotNetwork> networks;
    private final ModelMetadata metadata;
    private final String version;

    ShotClassifier(Model model, ModelMetadata metadata) {
        this(List.of(new EngineShotNetwork(model, metadata)), metadata, metadata.modelVersion());
    }

    private ShotClassifier(List<ShotNetwork> networks, ModelMetadata metadata, String version) {
        this.networks = List.copyOf(networks);
        this.metadata = metadata;
        this.version = version;
    }

    /** The networks of {@code models} (trained on the engine, one layout), averaged. */
    static ShotClassifier onEngine(List<Model> models, ModelMetadata metadata) {
        return onEngine(models, metadata, metadata.modelVersion());
    }

    private static ShotClassifier onEngine(List<Model> models, ModelMetadata metadata, String version) {
        ModelMetadata counted = metadata.withNetworks(models.size());
        return new ShotClassifier(models.stream().<ShotNetwork>map(m -> new EngineShotNetwork(m, counted)).toList(),
                counted, version);
    }

    /** The name DJL saves and loads network {@code index} (0-based) under: {@code NAME-0000.params}. */
    static String weightsName(int index) {
        return index == 0 ? WEIGHTS_NAME : WEIGHTS_NAME + NETWORK_SUFFIX + (index + 1);
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
        List<ShotNetwork> networks = new ArrayList<>();
        List<Path> files = weightsFiles(dir, metadata);
        for (int i = 0; i < files.size(); i++) {
            if (!Files.isRegularFile(files.get(i))) {
                throw new IOException("no weights for network " + (i + 1) + " of " + files.size() + " in " + dir
                        + " (expected " + files.get(i).getFileName() + ")");
            }
            networks.add(JavaShotNetwork.read(files.get(i), metadata));
        }
        return new ShotClassifier(networks, metadata, versionOf(dir, metadata));
    }

    /**
     * The version of the model in {@code dir} that reports carry: its model version, then "+" and
     * the start of the SHA-256 of its weights files and {@value #METADATA_FILE} (whose temperature
     * and scales rate shots too), so two models trained apart never share a version.
     */
    public static String versionOf(Path dir) throws IOException {
        // read leniently: a model written by a later build still has a version
        return versionOf(dir, JsonFiles.read(JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
                dir.resolve(METADATA_FILE), ModelMetadata.class));
    }

    private static String versionOf(Path dir, ModelMetadata metadata) {
        List<Path> hashed = new ArrayList<>();
        for (Path weights : weightsFiles(dir, metadata)) {
            if (Files.isRegularFile(weights)) {
                hashed.add(weights);
            }
        }
        hashed.add(dir.resolve(METADATA_FILE));
        return metadata.modelVersion() + "+" + ContentHash.sha256(hashed).substring(0, DIGEST_CHARS);
    }

    /** The weights file of each network of the model in {@code dir} described by {@code metadata}. */
    public static List<Path> weightsFiles(Path dir, ModelMetadata metadata) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < metadata.networks(); i++) {
            files.add(dir.resolve(weightsName(i) + "-0000.params"));
        }
        return files;
    }

    /** Loads a model directory onto DJL and PyTorch, as training made it (same checks as {@link #load}). */
    public static ShotClassifier loadOnEngine(Path dir) throws IOException {
        ModelMetadata metadata = readMetadata(dir);
        List<Model> models = new ArrayList<>();
        try {
            for (int i = 0; i < metadata.networks(); i++) {
                Model model = newModel(metadata.network());
                models.add(model);
                model.load(dir, weightsName(i));
            }
        } catch (MalformedModelException | IOException | RuntimeException e) {
            models.forEach(Model::close);
            throw new IOException("cannot read the weights in " + dir + ": " + e.getMessage(), e);
        }
        return onEngine(models, metadata, versionOf(dir, metadata));
    }

    private static ModelMetadata readMetadata(Path dir) throws IOException {
        Path json = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(json)) {
            throw new IOException("not a shotscope model directory (no " + METADATA_FILE + "): " + dir);
        }
        ModelMetadata metadata = JsonFiles.read(JSON, json, ModelMetadata.class);
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
        List<Model> models = models();
        for (int i = 0; i < models.size(); i++) {
            models.get(i).save(dir, weightsName(i));
        }
        JSON.writeValue(dir.resolve(METADATA_FILE).toFile(), metadata);
        if (card != null) {
            Files.writeString(dir.resolve(CARD_FILE), card.toMarkdown(metadata));
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The version reports carry: {@link #versionOf} for a model loaded from a directory, else the model version. */
    public String version() {
        return version;
    }

    /**
     * Rates a shot and explains it by leaving one metric out at a time: metric i is set to its
     * training mean in every frame, and the rating of each such variant is compared with the shot's
     * (one batched forward pass of the variants; the top three factors are returned).
     * <ul>
     * <li>A model that learned artist-days explains its estimate of them: a factor's {@code days} is
     * what the estimate loses when the metric is left out, so the factors that add the most days are
     * named, weighted by their share of the days they add together. When no metric adds days (the shot
     * has less than the training shots' average of everything that costs), the factors that take the
     * most days off are named instead, weighted by their share of those.</li>
     * <li>A model that learned labels explains its class: the drop in the predicted class's probability
     * is a factor's weight, normalised over the positive drops. When the rating is so certain that its
     * probability rounds to 1 whatever metric is left out, the drops of the class's log-odds are used.</li>
     * </ul>
     * Each factor also says whether the shot has more of that metric than the training frames on
     * average (the value it was replaced with).
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
        List<Factor> factors = metadata.days() == null
                ? classFactors(sampled, logits, p, label) : daysFactors(sampled, logits);
        Map<Difficulty, Double> byClass = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) {
            byClass.put(d, probabilities[d.ordinal()]);
        }
        return new Prediction(Difficulty.ofIndex(label), probabilities[label], byClass, factors, days(logits[0]));
    }

    /**
     * Factors by the days each adds to the estimate ({@code logits} row 0 is the shot's, row m + 1 its
     * rating without metric m).
     */
    private List<Factor> daysFactors(ShotFeatures sampled, float[][] logits) {
        double estimate = days(logits[0]);
        double[] added = new double[ShotFeatures.METRICS];
        boolean anyAdds = false;
        for (int m = 0; m < added.length; m++) {
            added[m] = estimate - days(logits[m + 1]);
            anyAdds |= added[m] > 0;
        }
        double sign = anyAdds ? 1 : -1;
        double total = 0;
        for (double a : added) {
            total += Math.max(0, sign * a);
        }
        List<Factor> factors = new ArrayList<>();
        for (int m = 0; m < added.length; m++) {
            if (sign * added[m] > 0) {
                factors.add(factor(sampled, m, sign * added[m] / total, added[m]));
            }
        }
        return top(factors);
    }

    /** Factors by the drop in the predicted class's probability (or log-odds) when each is left out. */
    private List<Factor> classFactors(ShotFeatures sampled, float[][] logits, List<double[]> p, int label) {
        double[] probabilities = p.get(0);
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
                factors.add(factor(sampled, m, drops[m] / positive, null));
            }
        }
        return top(factors);
    }

    private Factor factor(ShotFeatures sampled, int m, double weight, Double days) {
        return new Factor(metadata.metrics().get(m), weight,
                meanOf(sampled, m) >= metadata.normalisation().mean()[m], days);
    }

    /** The {@value #TOP_FACTORS} heaviest factors, heaviest first. */
    private static List<Factor> top(List<Factor> factors) {
        factors.sort(Comparator.comparingDouble(Factor::weight).reversed());
        return List.copyOf(factors.subList(0, Math.min(TOP_FACTORS, factors.size())));
    }

    /** The shot's mean of metric {@code m} over its frames, to compare with the training frames' mean. */
    private static double meanOf(ShotFeatures shot, int m) {
        double sum = 0;
        for (float[] frame : shot.metrics()) {
            sum += frame[m];
        }
        return sum / shot.length();
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

    /** Raw logits: the average of the networks' logits. */
    float[][] logits(List<ShotFeatures> shots) {
        float[][] sum = networks.get(0).logits(shots);
        for (int n = 1; n < networks.size(); n++) {
            float[][] more = networks.get(n).logits(shots);
            for (int i = 0; i < sum.length; i++) {
                for (int c = 0; c < sum[i].length; c++) {
                    sum[i][c] += more[i][c];
                }
            }
        }
        if (networks.size() > 1) {
            for (float[] row : sum) {
                for (int c = 0; c < row.length; c++) {
                    row[c] /= networks.size();
                }
            }
        }
        return sum;
    }

    /** The DJL models of a classifier trained or loaded on the engine, one per network. */
    List<Model> models() {
        List<Model> out = new ArrayList<>();
        for (ShotNetwork network : networks) {
            if (!(network instanceof EngineShotNetwork engine)) {
                throw new IllegalStateException(
                        "this classifier runs in plain Java; load it with loadOnEngine to train or save");
            }
            out.add(engine.model());
        }
        return out;
    }

    /** The DJL model of the first network. */
    Model model() {
        return models().get(0);
    }

    ShotClassifier withMetadata(ModelMetadata value) {
        return onEngine(models(), value);
    }

    @Override
    public void close() {
        networks.forEach(ShotNetwork::close);
    }

    /** The metric keys of this build, for callers filling {@link ShotFeatures}. */
    public static List<String> metricKeys() {
        return MetricRegistry.keys();
    }
}
