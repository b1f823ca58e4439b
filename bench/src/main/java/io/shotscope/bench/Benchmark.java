package io.shotscope.bench;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.AnalysisSize;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.analysis.ShotReport;
import io.shotscope.metrics.AnalysisFrame;
import io.shotscope.ml.ReportPredictions;
import io.shotscope.ml.ShotClassifier;
import io.shotscope.ml.ShotFeatureExtractor;
import io.shotscope.ml.ShotFeatures;
import io.shotscope.video.PlateSource;
import io.shotscope.video.PlateSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Throughput and memory benchmark, run by {@code scripts/bench}. For each clip, in one run:
 * decode-only frames/s (the analyser's own decoder and conversion, no metrics), full nine-metric
 * analysis frames/s, and ffmpeg's {@code siti} filter frames/s; then peak RSS of the CLI on 4K
 * clips of two lengths. Prints a Markdown table; ratios are against baselines of the same run.
 * With {@code --model [DIR]} after the project root, only the cost of the model in DIR (default:
 * the committed {@code models/default}) is measured; with
 * {@code --metrics}, only each metric's CPU time per frame in a warm analyser.
 */
public final class Benchmark {

    private static final int REPEATS = 3;
    /** Whole {@code shotscope analyze} processes are noisier than in-JVM timings: more runs, alternated. */
    private static final int CLI_REPEATS = 7;

    private final Path work;
    private final Path cliJar;
    private final StringBuilder out = new StringBuilder();

    private Benchmark(Path work, Path cliJar) {
        this.work = work;
        this.cliJar = cliJar;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path clips = root.resolveSibling("shared").resolve("clips");
        Path work = root.resolve("bench-out");
        Files.createDirectories(work);
        Benchmark bench = new Benchmark(work, root.resolve("cli/target/shotscope-cli.jar"));
        if (args.length > 1 && args[1].equals("--model")) {
            bench.runModel(clips, args.length > 2 ? Path.of(args[2]).toAbsolutePath() : root.resolve("models/default"));
        } else if (args.length > 1 && args[1].equals("--metrics")) {
            bench.runMetrics(clips);
        } else {
            bench.run(clips);
        }
    }

    private void runModel(Path clips, Path model) throws Exception {
        Path clip = generate(clips.resolve("car-detection.mp4"), "gen-720p.mp4", 1280, 720, 10);
        line("Machine: %d cores, Java %s.", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        measureModel(clip, model);
        Files.writeString(work.resolve("results-model.md"), out);
        System.err.println("written " + work.resolve("results-model.md"));
    }

    /**
     * Each metric's CPU time per analysed frame ({@code timings_ms.metrics_busy} / frames), the
     * median of {@value #REPEATS} analyses after one that warms the JIT up, and the analysis rate.
     */
    private void runMetrics(Path clips) throws Exception {
        Path source = clips.resolve("car-detection.mp4");
        List<Path> inputs = List.of(clips.resolve("bottle-detection.mp4"), source,
                generate(source, "gen-720p.mp4", 1280, 720, 10));
        line("Machine: %d cores, Java %s. Milliseconds of CPU per analysed frame, median of %d warm runs.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), REPEATS);
        line("");
        List<Map<String, Double>> costs = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (Path clip : inputs) {
            List<Map<String, Double>> runs = new ArrayList<>();
            double[] fps = new double[REPEATS];
            analysed(clip); // warms the JIT up
            for (int r = 0; r < REPEATS; r++) {
                Analysed run = analysed(clip);
                fps[r] = run.fps();
                runs.add(busyPerFrame(run.report()));
            }
            Map<String, Double> median = new LinkedHashMap<>();
            for (String metric : runs.get(0).keySet()) {
                median.put(metric, median(runs.stream().mapToDouble(m -> m.get(metric)).toArray()));
            }
            costs.add(median);
            rates.add(median(fps));
        }
        StringBuilder header = new StringBuilder("| metric |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Path clip : inputs) {
            header.append(' ').append(clip.getFileName()).append(" |");
            rule.append("---|");
        }
        line("%s", header);
        line("%s", rule);
        for (String metric : costs.get(0).keySet()) {
            StringBuilder row = new StringBuilder("| " + metric + " |");
            for (Map<String, Double> cost : costs) {
                row.append(String.format(Locale.ROOT, " %.3f |", cost.get(metric)));
            }
            line("%s", row);
        }
        StringBuilder row = new StringBuilder("| analysis fps |");
        for (double rate : rates) {
            row.append(String.format(Locale.ROOT, " %.1f |", rate));
        }
        line("%s", row);
        Files.writeString(work.resolve("results-metrics.md"), out);
        System.err.println("written " + work.resolve("results-metrics.md"));
    }

    private record Analysed(ShotReport report, double fps) {
    }

    /** One analysis of the clip with the default options, and its rate in analysed frames per second. */
    private static Analysed analysed(Path clip) throws Exception {
        long t = System.nanoTime();
        ShotReport report;
        try (ShotAnalyzer analyzer = new ShotAnalyzer(AnalysisOptions.defaults())) {
            report = analyzer.analyze(clip.toString());
        }
        return new Analysed(report, report.framesAnalysed() / ((System.nanoTime() - t) / 1e9));
    }

    /** {@code timings_ms.metrics_busy} of a report, per analysed frame. */
    private static Map<String, Double> busyPerFrame(ShotReport report) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (report.timingsMs().get("metrics_busy") instanceof Map<?, ?> busy) {
            busy.forEach((metric, ms) -> out.put(metric.toString(), ((Number) ms).doubleValue() / report.framesAnalysed()));
        }
        return out;
    }

    private void run(Path clips) throws Exception {
        Path source = clips.resolve("car-detection.mp4");
        List<Path> inputs = List.of(
                clips.resolve("bottle-detection.mp4"),
                source,
                generate(source, "gen-720p.mp4", 1280, 720, 10),
                generate(source, "gen-1080p.mp4", 1920, 1080, 10));
        line("Machine: %d cores, Java %s. Each figure is the median of %d runs.", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"), REPEATS);
        line("");
        line("| clip | size | frames | decode-only fps | analysis fps | analysis / decode | ffmpeg siti fps | analysis / siti |");
        line("|---|---|---|---|---|---|---|---|");
        for (Path clip : inputs) {
            measureClip(clip);
        }
        Path model = work.getParent().resolve("models/default");
        if (Files.isDirectory(model)) {
            measureModel(inputs.get(2), model);
        }
        line("");
        line("| 4K clip | frames | peak RSS of `shotscope analyze` (MiB) |");
        line("|---|---|---|");
        for (int seconds : new int[] {5, 20}) {
            Path clip = generate(source, "gen-2160p-" + seconds + "s.mp4", 3840, 2160, seconds);
            Rss rss = peakRss(clip);
            line("| %s | %d | %.0f |", clip.getFileName(), rss.frames(), rss.peakMib());
        }
        Files.writeString(work.resolve("results.md"), out);
        System.err.println("written " + work.resolve("results.md"));
    }

    private void measureClip(Path clip) throws Exception {
        double[] decode = new double[REPEATS];
        double[] analysis = new double[REPEATS];
        double[] siti = new double[REPEATS];
        int frames = 0;
        String size = "";
        for (int r = 0; r < REPEATS; r++) {
            decode[r] = decodeOnly(clip);
            Analysed run = analysed(clip);
            ShotReport report = run.report();
            analysis[r] = run.fps();
            frames = report.framesAnalysed();
            size = report.width() + "x" + report.height();
            siti[r] = sitiFps(clip, frames);
        }
        double d = median(decode);
        double a = median(analysis);
        double s = median(siti);
        line("| %s | %s | %d | %.1f | %.1f | %.2fx | %s | %s |", clip.getFileName(), size, frames, d, a, a / d,
                s > 0 ? String.format(Locale.ROOT, "%.1f", s) : "n/a",
                s > 0 ? String.format(Locale.ROOT, "%.1fx", a / s) : "n/a");
    }

    /**
     * The classifier's cost: metrics alone against metrics + thumbnails + prediction on the same
     * clip (the model loaded once, as the CLI loads it while the first plate is analysed), and the
     * prediction alone per shot (T frames, one forward pass plus the attribution passes), in plain
     * Java as {@code analyze} runs it and on the PyTorch engine for comparison.
     */
    private void measureModel(Path clip, Path modelDir) throws Exception {
        double[] metricsOnly = new double[REPEATS];
        double[] withModel = new double[REPEATS];
        double[] predictMs = new double[REPEATS * 5];
        double[] enginePredictMs = new double[REPEATS * 5];
        try (ShotClassifier classifier = ShotClassifier.load(modelDir);
             ShotClassifier onEngine = ShotClassifier.loadOnEngine(modelDir);
             ShotAnalyzer analyzer = new ShotAnalyzer(AnalysisOptions.defaults());
             ShotFeatureExtractor extractor = new ShotFeatureExtractor(AnalysisOptions.defaults())) {
            for (int r = 0; r < REPEATS; r++) {
                long t = System.nanoTime();
                analyzer.analyze(clip.toString());
                metricsOnly[r] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                ShotFeatureExtractor.Extracted e = extractor.extract(clip.toString(), ProgressListener.NONE);
                ReportPredictions.attach(e.report(), classifier.predict(e.features()), classifier.metadata().modelName(),
                        classifier.version());
                withModel[r] = (System.nanoTime() - t) / 1e6;
                for (int i = 0; i < 5; i++) {
                    long p = System.nanoTime();
                    classifier.predict(e.features());
                    predictMs[r * 5 + i] = (System.nanoTime() - p) / 1e6;
                    p = System.nanoTime();
                    onEngine.predict(e.features());
                    enginePredictMs[r * 5 + i] = (System.nanoTime() - p) / 1e6;
                }
            }
        }
        double m = median(metricsOnly);
        double w = median(withModel);
        line("");
        line("| clip | metrics only (ms) | metrics + prediction (ms) | ratio | prediction alone, T=%d (ms, median of %d) | the same on PyTorch (ms) |",
                ShotFeatures.FRAMES, predictMs.length);
        line("|---|---|---|---|---|---|");
        line("| %s | %.0f | %.0f | %.2fx | %.1f | %.1f |", clip.getFileName(), m, w, w / m, median(predictMs),
                median(enginePredictMs));
        double[] cliMetrics = new double[CLI_REPEATS];
        double[] cliModel = new double[CLI_REPEATS];
        for (int r = 0; r < CLI_REPEATS; r++) {
            cliMetrics[r] = cliMillis("--no-model", clip);
            cliModel[r] = cliMillis("--model=" + modelDir, clip);
        }
        line("");
        line("| clip | `shotscope analyze --no-model` (ms, whole process, median of %d) | `shotscope analyze` with the default model (ms) | ratio |",
                CLI_REPEATS);
        line("|---|---|---|---|");
        line("| %s | %.0f | %.0f | %.2fx |", clip.getFileName(), median(cliMetrics), median(cliModel),
                median(cliModel) / median(cliMetrics));
    }

    /** Wall time of one CLI process, as the launcher starts it. */
    private double cliMillis(String modelFlag, Path clip) throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder("java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", cliJar.toString(), "analyze",
                "--json", modelFlag, clip.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("shotscope analyze failed on " + clip);
        }
        return (System.nanoTime() - t) / 1e6;
    }

    /** Frames/s of the analyser's decoder alone: decode and convert to the analysis plane, no metrics. */
    private static double decodeOnly(Path clip) throws Exception {
        AnalysisOptions options = AnalysisOptions.defaults();
        long t = System.nanoTime();
        int n = 0;
        try (PlateSource source = PlateSources.open(clip.toString(), options.decode())) {
            AnalysisSize size = AnalysisSize.fit(source.info().width(), source.info().height(),
                    options.analysisLongSide());
            AnalysisFrame frame = new AnalysisFrame(size.width(), size.height());
            while (source.next(frame.picture) != PlateSource.END) {
                n++;
            }
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    /** Frames/s of {@code ffmpeg -vf siti}, decode included, or -1 when ffmpeg is not installed. */
    private double sitiFps(Path clip, int frames) throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", clip.toString(), "-vf", "siti",
                "-f", "null", "-").redirectErrorStream(true).redirectOutput(work.resolve("siti.log").toFile()).start();
        if (p.waitFor() != 0) {
            return -1;
        }
        return frames / ((System.nanoTime() - t) / 1e9);
    }

    private record Rss(int frames, double peakMib) {
    }

    /** Runs the CLI as the launcher does and samples its peak resident memory until it exits. */
    private Rss peakRss(Path clip) throws Exception {
        Path json = work.resolve("rss-report.json");
        Process p = new ProcessBuilder("java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", cliJar.toString(), "analyze",
                "--json", clip.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(json.toFile()).start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peakKb = 0;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, readPeakRssKb(status));
        }
        String report = Files.readString(json);
        int frames = Integer.parseInt(report.replaceAll("(?s).*\"frames_analysed\":(\\d+).*", "$1"));
        return new Rss(frames, peakKb / 1024.0);
    }

    private static long readPeakRssKb(Path status) {
        try {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just exited
        }
        return 0;
    }

    /** Makes a test clip from real footage with the system ffmpeg (scaled, H.264), once. */
    private Path generate(Path source, String name, int width, int height, int seconds) throws Exception {
        Path target = work.resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-stream_loop", "-1",
                "-i", source.toString(), "-t", Integer.toString(seconds), "-vf", "scale=" + width + ":" + height,
                "-r", "24", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                target.toString()));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not make " + name + " (is ffmpeg installed?)");
        }
        return target;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private void line(String format, Object... args) {
        String l = String.format(Locale.ROOT, format, args);
        System.out.println(l);
        out.append(l).append('\n');
    }
}
