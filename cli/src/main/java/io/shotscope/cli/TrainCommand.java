package io.shotscope.cli;

import io.shotscope.ml.BaselineModel;
import io.shotscope.ml.Difficulty;
import io.shotscope.ml.EvaluationResult;
import io.shotscope.ml.Evaluator;
import io.shotscope.ml.FeatureCache;
import io.shotscope.ml.LabelledShot;
import io.shotscope.ml.Manifest;
import io.shotscope.ml.ModelCard;
import io.shotscope.ml.ModelSplits;
import io.shotscope.ml.Trainer;
import io.shotscope.ml.TrainingConfig;
import io.shotscope.ml.TrainingResult;
import io.shotscope.ml.TrainingSplit;
import io.shotscope.synth.SyntheticShots;
import io.shotscope.video.PlateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shotscope train}: fits the Easy/Medium/Hard model (and the static baseline) on labelled shots. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the CNN + bidirectional LSTM model on a studio's labelled shots (and/or synthetic ones),",
            "with a validation split, early stopping, temperature calibration and a fixed seed, and writes a",
            "model directory (weights, model.json, MODEL_CARD.md, baseline.json)."})
final class TrainCommand implements Callable<Integer> {

    static final String BASELINE_FILE = "baseline.json";
    /** Most networks one model may average: each adds a training run and a forward pass per rating. */
    static final int MAX_NETWORKS = 10;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;

    @Option(names = "--synthetic", defaultValue = "0", paramLabel = "N",
            description = "Also train on N synthetic shots (rendered once into the cache folder; default: ${DEFAULT-VALUE}).")
    int synthetic;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "60", paramLabel = "N", description = "Most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "L2",
            description = "L2 penalty on the network's weights (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    /** What the network learns from: the labels, or the artist-days of a {@code days} column. */
    enum Target { auto, labels, days }

    @Option(names = "--target", defaultValue = "auto", paramLabel = "WHAT",
            description = "What the network learns: ${COMPLETION-CANDIDATES}. days: it predicts each shot's "
                    + "artist-days and reads the class from them (needs a days column); auto: days when every "
                    + "shot has them and no --synthetic shots are mixed in, else labels (default: ${DEFAULT-VALUE}).")
    Target target;

    @Option(names = "--validation", defaultValue = "0.2", paramLabel = "F",
            description = "Share of each class that each network holds out for early stopping (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--calibration", defaultValue = "0.15", paramLabel = "F",
            description = "Share of each class held out, besides the validation share, to fit the confidence "
                    + "temperature; 0 fits it on the validation split (default: ${DEFAULT-VALUE}).")
    double calibration;

    @Option(names = "--networks", defaultValue = "1", paramLabel = "N",
            description = "Networks to train and average, each on its own train / validation split of the shots "
                    + "outside the calibration split (seeds S, S+1, ...): 3 rated about 0.01 macro-F1 better, each "
                    + "network costs one more training run but no more analysis (default: ${DEFAULT-VALUE}).")
    int networks;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "Where the labelled shots came from, for the model card (default: the manifest's name).")
    String description;

    @Mixin
    ProgressMixin progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OutputFolder.tidiedAfter(out, this::run);
    }

    private Integer run() throws Exception {
        if (!(validation > 0 && calibration >= 0 && validation + calibration < 0.9) || epochs < 1 || synthetic < 0
                || !(weightDecay >= 0 && Float.isFinite(weightDecay)) || networks < 1 || networks > MAX_NETWORKS
                || (networks > 1 && calibration == 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--validation must be positive, --calibration "
                    + "not negative, together under 0.9; --epochs at least 1, --synthetic and --weight-decay not negative; "
                    + "--networks from 1 to " + MAX_NETWORKS + ", and 1 with --calibration 0 (several networks are "
                    + "calibrated on shots none of them learned from)");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean show = progress.show();
        List<LabelledShot> shots;
        boolean onDays;
        try {
            // decided from the manifest alone, so a refusal comes before any shot is analysed
            List<Manifest.Entry> entries = DatasetLoading.entries(dataset);
            boolean allHaveDays = entries.stream().allMatch(Manifest.Entry::hasDays);
            if (target == Target.days && (synthetic > 0 || !allHaveDays)) {
                err.println("error: --target days needs a days column for every shot and no --synthetic shots "
                        + "(their effort points are not your studio's days)");
                return 1;
            }
            onDays = target == Target.days || (target == Target.auto && synthetic == 0 && allHaveDays);
            // after the manifest is read, so a mistyped manifest leaves no stray folder; before any shot is analysed
            if (!MemoryBudget.fits(entries.size() + synthetic, Runtime.getRuntime().maxMemory(), err)
                    || !OutputFolder.ready(out, err)) {
                return 2;
            }
            shots = DatasetLoading.load(entries, dataset.featureCache(), show, err);
            if (synthetic > 0) {
                shots = new ArrayList<>(shots);
                shots.addAll(syntheticShots(show, err));
            }
        } catch (IllegalArgumentException | PlateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        warnAboutMissingClasses(shots, err);
        ModelSplits modelSplits;
        try {
            modelSplits = ModelSplits.of(shots, validation, calibration, seed, networks);
        } catch (IllegalArgumentException e) {
            err.println("error: " + dataset.manifest + ": " + e.getMessage());
            return 1;
        }
        List<TrainingSplit> splits = modelSplits.networks();
        List<LabelledShot> calibrationShots = modelSplits.calibration();
        List<LabelledShot> train = splits.get(0).train();
        List<LabelledShot> held = splits.get(0).validation();
        err.printf("training %s on %d shots, validating on %d, calibrating on %d; learning %s%n",
                networks == 1 ? "one network" : networks + " networks, each", train.size(), held.size(),
                calibrationShots.isEmpty() ? held.size() : calibrationShots.size(),
                onDays ? "the artist-days" : "the labels");
        err.flush();
        TrainingConfig config = TrainingConfig.DEFAULT.withSeed(seed).withMaxEpochs(epochs).withWeightDecay(weightDecay)
                .withOnDays(onDays);
        try (TrainingResult result = Trainer.trainNetworks(splits, calibrationShots, config, epoch -> {
            err.printf("%sepoch %d/%d  loss %.4f  acc %.3f  val_loss %.4f  val_acc %.3f%n",
                    epoch.networks() > 1 ? "network " + epoch.network() + "/" + epoch.networks() + "  " : "",
                    epoch.epoch(), epoch.maxEpochs(), epoch.trainLoss(), epoch.trainAccuracy(),
                    epoch.validationLoss(), epoch.validationAccuracy());
            err.flush();
        })) {
            // figures on shots no network learned or stopped on: the calibration split (only the temperature
            // was fitted there), or with none the validation split
            List<LabelledShot> evaluated = calibrationShots.isEmpty() ? held : calibrationShots;
            String evaluatedOn = calibrationShots.isEmpty() ? "validation split" : "calibration split";
            BaselineModel baseline = BaselineModel.train(train);
            EvaluationResult modelHeldOut = Evaluator.evaluate(result.classifier(), evaluated);
            EvaluationResult baselineHeldOut = Evaluator.evaluate(baseline, evaluated);
            ModelCard card = new ModelCard(describe(), train.size(), held.size(), seed, LocalDate.now().toString(),
                    config, result, evaluatedOn, modelHeldOut, baselineHeldOut);
            result.classifier().save(out, card);
            baseline.save(out.resolve(BASELINE_FILE));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("model written to %s: %s, temperature %.3f%s%n", out, epochs(result), result.temperature(),
                    result.classifier().metadata().days() == null ? "" : ", days intercept refitted by "
                            + result.daysShifts());
            stdout.printf("%s: model accuracy %.3f macro-F1 %.3f ECE %.3f; baseline accuracy %.3f macro-F1 %.3f%n",
                    evaluatedOn, modelHeldOut.accuracy(), modelHeldOut.macroF1(),
                    modelHeldOut.expectedCalibrationError(), baselineHeldOut.accuracy(), baselineHeldOut.macroF1());
            stdout.flush();
        }
        return 0;
    }

    /** A class no shot has is not refused (a studio may only have two), but the model cannot learn it. */
    private void warnAboutMissingClasses(List<LabelledShot> shots, PrintWriter err) {
        List<String> missing = Arrays.stream(Difficulty.values())
                .filter(d -> shots.stream().noneMatch(s -> s.label() == d)).map(Difficulty::name).toList();
        if (!missing.isEmpty()) {
            err.printf("warning: %s: no %s shots among the %d: the model will not learn what makes a shot %s%n",
                    dataset.manifest, String.join(" or ", missing), shots.size(), String.join(" or ", missing));
        }
    }

    /** "best epoch 26 of 34", or per network "3 networks, best epochs 26 of 34, 22 of 30". */
    private static String epochs(TrainingResult result) {
        String each = result.networks().stream().map(r -> r.bestEpoch() + " of " + r.epochsRun())
                .collect(Collectors.joining(", "));
        return result.networks().size() == 1 ? "best epoch " + each
                : result.networks().size() + " networks, best epochs " + each;
    }

    private String describe() {
        if (description != null) {
            return description + splits();
        }
        return "manifest " + dataset.manifest.getFileName() + (synthetic > 0 ? " plus " + synthetic
                + " synthetic shots (seed " + seed + ")" : "") + splits();
    }

    private String splits() {
        return "; validation split " + validation + " per class" + (calibration > 0
                ? ", calibration split " + calibration + " per class" : ", calibrated on the validation split");
    }

    /** Renders the synthetic shots once into the cache folder and loads them like a manifest. */
    private List<LabelledShot> syntheticShots(boolean show, PrintWriter err) throws IOException, PlateException {
        FeatureCache cache = dataset.featureCache();
        Path dir = (dataset.cache != null ? dataset.cache : FeatureCache.defaultDir()).resolveSibling(
                "synth-seed" + seed + "-n" + synthetic);
        Path manifest = dir.resolve(SyntheticShots.MANIFEST);
        if (!Files.exists(manifest)) {
            err.printf("rendering %d synthetic shots into %s%n", synthetic, dir);
            err.flush();
            SyntheticShots.render(dir, synthetic, seed, null, null);
        }
        return DatasetLoading.load(Manifest.read(manifest, Manifest.DEFAULT_DAYS_THRESHOLDS), cache, show, err);
    }
}
