package io.shotscope.analysis;

import io.shotscope.metrics.AnalysisFrame;
import io.shotscope.metrics.ComplexityMetric;
import io.shotscope.metrics.FrameContext;
import io.shotscope.metrics.FrameSpan;
import io.shotscope.metrics.MetricRegistry;
import io.shotscope.metrics.MetricScorer;
import io.shotscope.metrics.MotionField;
import io.shotscope.video.PlateException;
import io.shotscope.video.PlateInfo;
import io.shotscope.video.PlateSource;
import io.shotscope.video.PlateSources;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Analyses plates: a decoding thread fills pooled frames into a bounded queue, worker threads
 * estimate each frame's motion field once and measure frames in parallel, and the results are
 * scored in frame order into a {@link ShotReport}. A frame goes back to the pool once no span
 * ({@link FrameSpan}) of a frame still to measure reaches it.
 * One analyser can analyse many plates, one after another; close it to stop its threads.
 */
public final class ShotAnalyzer implements AutoCloseable {

    /** Changes whenever a metric's definition changes, so cached results can be told apart. */
    public static final String VERSION = "0.4.0";

    private final AnalysisOptions options;
    private final List<ComplexityMetric> metrics;
    private final ExecutorService workers;

    public ShotAnalyzer(AnalysisOptions options) {
        this(options, MetricRegistry.all());
    }

    public ShotAnalyzer(AnalysisOptions options, List<ComplexityMetric> metrics) {
        this.options = options;
        this.metrics = List.copyOf(metrics);
        this.workers = Executors.newFixedThreadPool(options.threads(), daemon("shotscope-worker"));
    }

    public ShotReport analyze(String input) throws PlateException {
        return analyze(input, ProgressListener.NONE);
    }

    public ShotReport analyze(String input, ProgressListener progress) throws PlateException {
        return analyze(input, progress, FrameTap.NONE);
    }

    /** Analyses one plate; {@code tap} sees every analysed frame in order (e.g. to keep thumbnails). */
    public ShotReport analyze(String input, ProgressListener progress, FrameTap tap) throws PlateException {
        long start = System.nanoTime();
        try (PlateSource source = PlateSources.open(input, options.decode())) {
            PlateInfo info = source.info();
            CompletableFuture<String> hash = CompletableFuture.supplyAsync(
                    () -> ContentHash.sha256(info.files()), r -> daemon("shotscope-hash").newThread(r).start());
            AnalysisSize size = AnalysisSize.fit(info.width(), info.height(), options.analysisLongSide());
            Measured measured = measureAll(source, size, progress, tap);
            String sha256 = joinHash(hash);
            return report(input, info, size, measured, sha256, start);
        }
    }

    private Measured measureAll(PlateSource source, AnalysisSize size, ProgressListener progress, FrameTap tap)
            throws PlateException {
        PlateInfo info = source.info();
        int maxInFlight = 2 * options.threads();
        // the pool also holds the frames kept for the spans of the frames still to measure
        FramePipeline pipeline = new FramePipeline(source, size, options, maxInFlight + FrameSpan.FRAMES);
        double dt = options.stride() / info.fps();
        List<MetricScorer> scorers = metrics.stream().map(ComplexityMetric::newScorer).toList();
        List<double[]> scores = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        long[] busyNanos = new long[metrics.size() + 1];
        ArrayList<Pending> inFlight = new ArrayList<>();
        // the last FrameSpan.FRAMES + 1 frames and the motion fields ending at the last FRAMES, oldest first
        ArrayDeque<CompletableFuture<AnalysisFrame>> recentFrames = new ArrayDeque<>();
        ArrayDeque<CompletableFuture<MotionField>> recentMotion = new ArrayDeque<>();
        ArrayDeque<AnalysisFrame> measured = new ArrayDeque<>();
        try (pipeline) {
            pipeline.start();
            FramePipeline.Decoded decoded;
            while ((decoded = pipeline.take()) != null) {
                AnalysisFrame frame = decoded.frame();
                int number = decoded.number();
                CompletableFuture<AnalysisFrame> prepared = CompletableFuture.supplyAsync(() -> {
                    frame.prepare(number);
                    return frame;
                }, workers);
                CompletableFuture<AnalysisFrame> previous = recentFrames.peekLast();
                CompletableFuture<MotionField> motion = previous == null
                        ? CompletableFuture.completedFuture(null)
                        : prepared.thenCombineAsync(previous, (f, p) -> estimate(p, f, busyNanos), workers);
                keepLast(recentFrames, prepared, FrameSpan.FRAMES + 1);
                keepLast(recentMotion, motion, FrameSpan.FRAMES);
                List<CompletableFuture<AnalysisFrame>> frames = List.copyOf(recentFrames);
                List<CompletableFuture<MotionField>> motions = List.copyOf(recentMotion);
                CompletableFuture<double[][]> raw = CompletableFuture
                        .allOf(Stream.concat(frames.stream(), motions.stream())
                                .toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ready -> measure(context(frames, motions, dt, size.scale()), busyNanos), workers);
                inFlight.add(new Pending(frame, number, raw));
                while (inFlight.size() > maxInFlight) {
                    collect(inFlight.remove(0), scorers, scores, numbers, pipeline, measured, tap);
                    progress.framesRead(pipeline.framesRead(), info.declaredFrames());
                }
            }
            while (!inFlight.isEmpty()) {
                collect(inFlight.remove(0), scorers, scores, numbers, pipeline, measured, tap);
                progress.framesRead(pipeline.framesRead(), info.declaredFrames());
            }
            pipeline.rethrowDecodeFailure();
            return new Measured(scores, numbers, pipeline.framesRead(), pipeline.lastNumber(),
                    pipeline.decodeNanos(), busyNanos);
        } finally {
            for (Pending p : inFlight) {
                p.raw().cancel(false);
            }
        }
    }

    private static <T> void keepLast(ArrayDeque<T> recent, T item, int most) {
        recent.addLast(item);
        if (recent.size() > most) {
            recent.removeFirst();
        }
    }

    /**
     * The context of the last of {@code frames} (all done): its previous frame, motion field and the
     * span back over every motion field known (up to {@link FrameSpan#FRAMES} steps).
     */
    private static FrameContext context(List<CompletableFuture<AnalysisFrame>> frames,
                                        List<CompletableFuture<MotionField>> motions, double dt, double scale) {
        int last = frames.size() - 1;
        AnalysisFrame current = frames.get(last).join();
        if (last == 0) {
            return new FrameContext(current, null, dt, scale);
        }
        List<MotionField> steps = motions.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
        FrameSpan span = FrameSpan.over(frames.get(last - steps.size()).join(), steps);
        return new FrameContext(current, frames.get(last - 1).join(), steps.get(steps.size() - 1), span, dt, scale);
    }

    private MotionField estimate(AnalysisFrame previous, AnalysisFrame current, long[] busyNanos) {
        long t = System.nanoTime();
        MotionField field = MotionField.estimate(previous, current);
        addBusy(busyNanos, metrics.size(), System.nanoTime() - t);
        return field;
    }

    /**
     * Scores a measured frame in order and gives the pool back the frame that no span of a frame
     * still to measure reaches.
     */
    private void collect(Pending pending, List<MetricScorer> scorers, List<double[]> scores, List<Integer> numbers,
                         FramePipeline pipeline, ArrayDeque<AnalysisFrame> measured, FrameTap tap) {
        double[][] raw = pending.raw().join();
        tap.frame(numbers.size(), pending.frame());
        double[] frameScores = new double[metrics.size()];
        for (int m = 0; m < metrics.size(); m++) {
            frameScores[m] = scorers.get(m).score(raw[m]);
        }
        scores.add(frameScores);
        numbers.add(pending.number());
        measured.addLast(pending.frame());
        if (measured.size() > FrameSpan.FRAMES) {
            pipeline.release(measured.removeFirst());
        }
    }

    /** Runs every metric on one frame (its motion field is estimated beforehand and timed apart). */
    private double[][] measure(FrameContext context, long[] busyNanos) {
        double[][] raw = new double[metrics.size()][];
        long now = System.nanoTime();
        for (int m = 0; m < metrics.size(); m++) {
            long t = now;
            raw[m] = metrics.get(m).measure(context);
            now = System.nanoTime();
            addBusy(busyNanos, m, now - t);
        }
        return raw;
    }

    private static void addBusy(long[] busy, int slot, long nanos) {
        synchronized (busy) {
            busy[slot] += nanos;
        }
    }

    private ShotReport report(String input, PlateInfo info, AnalysisSize size, Measured measured, String sha256,
                              long start) {
        int n = measured.scores().size();
        Map<String, Double> means = new LinkedHashMap<>();
        Map<String, MetricSummary> summaries = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            double[] series = new double[n];
            for (int i = 0; i < n; i++) {
                series[i] = measured.scores().get(i)[m];
            }
            fillUndefined(series);
            MetricSummary summary = MetricSummary.of(series);
            summaries.put(metrics.get(m).key(), summary);
            means.put(metrics.get(m).key(), summary.mean());
        }
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("total", millis(System.nanoTime() - start));
        timings.put("decode", millis(measured.decodeNanos()));
        Map<String, Object> perMetric = new LinkedHashMap<>();
        perMetric.put("motion_field", millis(measured.busyNanos()[metrics.size()]));
        for (int m = 0; m < metrics.size(); m++) {
            perMetric.put(metrics.get(m).key(), millis(measured.busyNanos()[m]));
        }
        timings.put("metrics_busy", perMetric);
        return new ShotReport(input, info.stem(), info.kind().name().toLowerCase(java.util.Locale.ROOT), sha256,
                measured.framesRead(), n, info.firstFrame(), measured.lastNumber(), info.fps(), info.width(),
                info.height(), MetricSummary.round(measured.framesRead() / info.fps()), info.codec(),
                options.stride(), size.width(), size.height(), info.missingFrames(), means, summaries,
                measured.numbers(), VERSION, timings, null, null);
    }

    /** A temporal metric is undefined (NaN) on the first frame: it takes the first defined value, or 0. */
    static void fillUndefined(double[] series) {
        double firstDefined = 0;
        for (double v : series) {
            if (!Double.isNaN(v)) {
                firstDefined = v;
                break;
            }
        }
        for (int i = 0; i < series.length; i++) {
            if (Double.isNaN(series[i])) {
                series[i] = firstDefined;
            }
        }
    }

    private static String joinHash(CompletableFuture<String> hash) throws PlateException {
        try {
            return hash.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw new PlateException("cannot read " + io.getMessage());
            }
            throw e;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private record Pending(AnalysisFrame frame, int number, CompletableFuture<double[][]> raw) {
    }

    private record Measured(List<double[]> scores, List<Integer> numbers, int framesRead, int lastNumber,
                            long decodeNanos, long[] busyNanos) {
    }
}
