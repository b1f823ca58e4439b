package io.shotscope.cli;

import io.shotscope.ml.BaselineModel;
import io.shotscope.ml.DifficultyModel;
import io.shotscope.ml.EvaluationReport;
import io.shotscope.ml.EvaluationResult;
import io.shotscope.ml.Evaluator;
import io.shotscope.ml.LabelledShot;
import io.shotscope.ml.Manifest;
import io.shotscope.ml.Rating;
import io.shotscope.ml.ShotClassifier;
import io.shotscope.video.PlateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shotscope evaluate}: accuracy, macro-F1, per-class precision/recall, confusion and calibration. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates a model (and its static baseline, when the model directory has one) on labelled",
            "shots: writes evaluation.json, confusion-matrix.png, reliability-diagram.png and",
            "predictions.csv (one row per shot) to --out (the baseline's under --out/baseline)."})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "evaluation",
            description = "Folder for the figures and charts (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ProgressMixin progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OutputFolder.tidiedAfter(out, this::run);
    }

    private Integer run() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isDirectory(model)) {
            err.println("error: model " + model + ": no such directory");
            return 2;
        }
        boolean show = progress.show();
        List<LabelledShot> shots;
        try {
            List<Manifest.Entry> entries = DatasetLoading.entries(dataset);
            // after the manifest is read, so a mistyped manifest leaves no stray folder; before any shot is analysed
            if (!MemoryBudget.fits(entries.size(), Runtime.getRuntime().maxMemory(), err) || !OutputFolder.ready(out, err)) {
                return 2;
            }
            shots = DatasetLoading.load(entries, dataset.featureCache(), show, err);
        } catch (IllegalArgumentException | PlateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        try (ShotClassifier classifier = ShotClassifier.load(model)) {
            print(stdout, "model", evaluate(classifier, shots, out, manifestDir()));
        } catch (RuntimeException e) {
            err.println("error: model " + model + ": " + e.getMessage());
            return 2;
        }
        Path baselineFile = model.resolve(TrainCommand.BASELINE_FILE);
        if (Files.isRegularFile(baselineFile)) {
            print(stdout, "baseline", evaluate(BaselineModel.load(baselineFile), shots, out.resolve("baseline"),
                    manifestDir()));
        }
        stdout.printf("written to %s%n", out);
        stdout.flush();
        return 0;
    }

    private Path manifestDir() {
        return dataset.manifest.toAbsolutePath().getParent();
    }

    private static EvaluationResult evaluate(DifficultyModel model, List<LabelledShot> shots, Path dir,
                                             Path manifestDir) throws IOException {
        List<Rating> ratings = model.rate(shots.stream().map(LabelledShot::features).toList());
        List<double[]> probabilities = ratings.stream().map(Rating::probabilities).toList();
        EvaluationResult result = Evaluator.evaluate(shots.stream().map(LabelledShot::label).toList(), probabilities)
                .withDays(Evaluator.daysError(shots, ratings));
        EvaluationReport.write(result, dir);
        EvaluationReport.writePredictions(shots, ratings, dir, manifestDir);
        return result;
    }

    private static void print(PrintWriter out, String name, EvaluationResult r) {
        out.printf("%-8s shots %d  accuracy %.3f  macro-F1 %.3f  ECE %.3f  confusion %s%n", name, r.count(),
                r.accuracy(), r.macroF1(), r.expectedCalibrationError(), java.util.Arrays.deepToString(r.confusion()));
        if (r.days() != null) {
            out.printf("%-8s artist-days estimated %.2f off (root mean square), %.2f (mean absolute) over %d shots%n",
                    "", r.days().rmse(), r.days().meanAbsolute(), r.days().count());
        }
    }
}
