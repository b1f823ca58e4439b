package io.shotscope.cli;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.analysis.ReportJson;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.analysis.ShotReport;
import io.shotscope.ml.ReportPredictions;
import io.shotscope.ml.ShotClassifier;
import io.shotscope.ml.ShotFeatureExtractor;
import io.shotscope.video.PlateException;
import io.shotscope.video.PlateSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shotscope analyze PLATE...}: one complexity report per plate. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {
            "Measures " + ShotscopeCommand.FACTORS + " per plate and rates it Easy / Medium / Hard with the model.",
            "A PLATE is a movie (.mov .mp4 .mkv .avi .mxf ...), a sequence pattern (shot.####.exr, shot.%%04d.dpx,"
                + " shot.[1001-1058].exr), one numbered frame of a sequence, or a folder of frames;"
                + " a folder holding movies and no frames stands for each of its movies."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every plate was analysed", "1:at least one plate failed (the others are still reported)",
            "2:usage error"})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PLATE", description = "Plates to analyse.")
    List<String> inputs;

    @Mixin
    AnalysisOptionsMixin analysis;

    @Option(names = "--json", description = "Print one JSON report per plate on stdout (JSON Lines).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/<stem>.json for each plate.")
    Path out;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory to rate shots Easy/Medium/Hard (default: the committed models/default).")
    Path model;

    @Option(names = "--no-model", description = "Report the metrics only, without a prediction.")
    boolean noModel;

    @Mixin
    ProgressMixin progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OutputFolder.tidiedAfter(out, this::run);
    }

    private Integer run() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        AnalysisOptions options;
        try {
            options = analysis.toOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean showProgress = progress.show();
        Path modelDir = noModel ? null : model != null ? model : ModelLocation.defaultModel();
        if (model != null && noModel) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model and --no-model exclude each other");
        }
        if (out != null && !OutputFolder.ready(out, stderr)) {
            return 2;
        }
        // the model loads while the first plate is analysed
        CompletableFuture<ShotClassifier> classifier = modelDir == null ? null
                : CompletableFuture.supplyAsync(() -> loadModel(modelDir));
        int failures = 0;
        // without a model, plain analysis: no thumbnails sampled, no model input built
        try (ShotFeatureExtractor extractor = classifier == null ? null : new ShotFeatureExtractor(options);
             ShotAnalyzer analyzer = classifier == null ? new ShotAnalyzer(options) : null) {
            for (String input : plates(stderr)) {
                ProgressBar bar = showProgress ? new ProgressBar(stderr, displayName(input)) : null;
                try {
                    ProgressListener listener = bar == null ? ProgressListener.NONE : bar;
                    ShotReport report;
                    if (classifier == null) {
                        report = analyzer.analyze(input, listener);
                    } else {
                        ShotFeatureExtractor.Extracted extracted = extractor.extract(input, listener);
                        ShotClassifier c;
                        try {
                            c = classifier.join();
                        } catch (CompletionException e) {
                            // only the model's loading is reported as the model's failure
                            fail(bar, stderr, "model " + modelDir, e.getCause().getMessage());
                            return 2;
                        }
                        report = ReportPredictions.attach(extracted.report(), c.predict(extracted.features()),
                                c.metadata().modelName(), c.version());
                    }
                    if (bar != null) {
                        bar.finish();
                    }
                    if (out != null) {
                        ReportJson.write(report, out);
                    }
                    if (json) {
                        stdout.println(ReportJson.toLine(report));
                    } else if (out == null) {
                        ReportTable.print(report, stdout);
                    }
                    stdout.flush();
                } catch (PlateException | UncheckedIOException e) {
                    failures++;
                    fail(bar, stderr, input, e.getMessage());
                } catch (RuntimeException e) {
                    failures++;
                    fail(bar, stderr, input, "internal error: " + e + " (please report this with the plate)");
                    if (System.getenv("SHOTSCOPE_DEBUG") != null) {
                        e.printStackTrace(stderr);
                    }
                }
            }
        } finally {
            if (classifier != null) {
                classifier.thenAccept(ShotClassifier::close);
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /**
     * The plates to analyse: the inputs as given, except that a folder holding movies and no image frames
     * (a folder of camera originals) stands for its movies, by name. A folder that cannot be listed stays
     * as given, to fail against its name.
     */
    private List<String> plates(PrintWriter stderr) {
        List<String> plates = new ArrayList<>();
        for (String input : inputs) {
            List<Path> movies;
            try {
                movies = PlateSources.moviesInFolder(input);
            } catch (PlateException e) {
                movies = List.of();
            }
            if (movies.isEmpty()) {
                plates.add(input);
            } else {
                stderr.printf("%s: a folder of %d %s, each analysed as its own plate%n", printable(input),
                        movies.size(), movies.size() == 1 ? "movie" : "movies");
                movies.forEach(movie -> plates.add(movie.toString()));
            }
        }
        stderr.flush();
        return plates;
    }

    private static ShotClassifier loadModel(Path dir) {
        try {
            return ShotClassifier.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model: " + e.getMessage(), e);
        }
    }

    private static void fail(ProgressBar bar, PrintWriter stderr, String input, String reason) {
        if (bar != null) {
            bar.clear();
        }
        stderr.println("error: " + printable(input) + ": " + printable(reason));
        stderr.flush();
    }

    /** Keeps an error on one line: control characters in file names are shown escaped ({@code \n}). */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String displayName(String input) {
        Path name = Path.of(input).getFileName();
        return name == null ? input : name.toString();
    }
}
