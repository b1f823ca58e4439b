package io.shotscope.bench;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.MetricSummary;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.analysis.ShotReport;
import io.shotscope.metrics.ComplexityMetric;
import io.shotscope.metrics.FrameContext;
import io.shotscope.metrics.GlobalMotion;
import io.shotscope.metrics.MetricRegistry;
import io.shotscope.metrics.MetricScorer;
import io.shotscope.metrics.MotionField;
import io.shotscope.video.LumaPlane;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Experiment, not a product metric: would a per-frame count of separately moving regions
 * ({@code objects}) and a pan-versus-shake measure ({@code shake}) lift the static baseline's
 * macro-F1 on synthetic shots? Results and commands: docs/model.md, "Object count and shake
 * measures (experiment, 2026-11-25)". Three steps:
 * <ol>
 *   <li>{@code extract SHOT_DIR CACHE_FILE [LIMIT]}: analyses every {@code shot_*.mkv} (or the
 *   files matching {@code -Dshots=REGEX}) with the nine metrics plus a probe that keeps, per frame,
 *   the motion field (global fit, per-block residual, texture flag, MAE, vector) and two finer maps:
 *   the mean absolute difference of 4x4 half-plane cells (8x8 analysis pixels) after compensating
 *   the global motion, between this frame and the previous one ({@code cells}) and between this
 *   frame and the one four frames back ({@code cells4}; {@code -Dspan=N}: N; compensated by the summed global
 *   motion), so that objects moving under a pixel per frame still show. Nothing is thresholded here.</li>
 *   <li>{@code evaluate TRAIN_DIR TRAIN_CACHE TEST_DIR TEST_CACHE [TRAIN_LIMIT]}: tunes each
 *   counter's thresholds on the training shots only (Pearson r of a per-shot statistic with
 *   {@code object_count}), reports correlations, and the test macro-F1 of a multinomial logistic
 *   regression (BaselineModel's settings) on the 36 metric summaries, with the new measures, and
 *   with the true factors as the ceiling reference.</li>
 *   <li>{@code counts SHOT_DIR CACHE}: the tuned counters on any footage (no manifest needed).</li>
 * </ol>
 * Later questions, on the same extracted caches (docs/model.md, 2026-11-30): {@code split}
 * (splitting merged regions by size), {@code roto} (how each map reads the object roto points) and
 * {@code export} (per-shot object statistics for bench/python/summary_ceiling.py); then
 * {@code series} and {@code tracks}; then {@code symmetric} (the object at t alone, from two
 * four-frame maps) and {@code finer} (the four-frame map on 2x2-pixel cells: extract and read it
 * with {@code -Dcell=2}); then longer spans ({@code -Dspan=8} for extract and symmetric).
 */
public final class ObjectCountExperiment {

    private static final String PROBE = "_probe";
    /** Cell size of the fine map, half-plane pixels. */
    /** Half-plane pixels per map cell; {@code -Dcell=2} for a finer map (extract and read with the same value). */
    static final int CELL = Integer.getInteger("cell", 4);
    private static final int HEADER = 12;
    private static final int PER_BLOCK = 5;
    /** The motion metric's dead zone (MotionMetric.DEAD_ZONE_PX is package-private), analysis px. */
    static final double DEAD_ZONE_PX = 0.5;

    private ObjectCountExperiment() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("extract")) {
            extract(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
        } else if (args.length >= 5 && args[0].equals("evaluate")) {
            int trainLimit = args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE;
            evaluate(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]), trainLimit);
        } else if (args.length >= 3 && args[0].equals("split")) {
            split(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
        } else if (args.length >= 4 && args[0].equals("export")) {
            export(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else if (args.length >= 3 && args[0].equals("roto")) {
            roto(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
        } else if (args.length >= 4 && args[0].equals("series")) {
            series(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else if (args.length >= 3 && args[0].equals("tracks")) {
            tracks(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
        } else if (args.length >= 3 && args[0].equals("finer")) {
            finer(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
        } else if (args.length >= 3 && args[0].equals("symmetric")) {
            symmetric(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
        } else if (args.length >= 3 && args[0].equals("counts")) {
            counts(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: counts SHOT_DIR CACHE | finer SHOT_DIR CACHE [LIMIT] | symmetric SHOT_DIR CACHE [LIMIT] | series SHOT_DIR CACHE OUT_CSV | tracks SHOT_DIR CACHE [LIMIT] | split SHOT_DIR CACHE [LIMIT] | roto SHOT_DIR CACHE [LIMIT] | export SHOT_DIR CACHE OUT_CSV | extract SHOT_DIR CACHE [LIMIT] | evaluate TRAIN_DIR TRAIN_CACHE TEST_DIR TEST_CACHE [TRAIN_LIMIT]");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- extraction

    /** Per frame: the motion field and the global-compensated cell map, as one flat array. */
    static final class Probe implements ComplexityMetric {
        final List<double[]> frames = new ArrayList<>();

        @Override
        public String key() {
            return PROBE;
        }

        @Override
        public double[] measure(FrameContext frame) {
            MotionField f = frame.motion();
            if (f == null) {
                return new double[] {Double.NaN};
            }
            int nb = f.blockCount();
            LumaPlane cur = frame.current().half;
            LumaPlane prev = frame.previous().half;
            int cw = cur.width / CELL;
            int ch = cur.height / CELL;
            double[] out = new double[HEADER + PER_BLOCK * nb + cw * ch];
            GlobalMotion g = f.global();
            out[0] = 1;
            out[1] = g.tx();
            out[2] = g.ty();
            out[3] = g.a();
            out[4] = g.b();
            out[5] = g.valid() ? 1 : 0;
            out[6] = g.inliers();
            out[7] = f.brightnessOffset();
            out[8] = f.noiseMae();
            out[9] = f.blocksX();
            out[10] = f.blocksY();
            out[11] = cw * 1000 + ch;
            for (int i = 0; i < nb; i++) {
                int o = HEADER + PER_BLOCK * i;
                out[o] = f.residual(i);
                out[o + 1] = f.textured(i) ? 1 : 0;
                out[o + 2] = f.mae(i);
                out[o + 3] = f.vx(i);
                out[o + 4] = f.vy(i);
            }
            compensatedCells(cur, prev, g, f.brightnessOffset(), f.width(), f.height(), out, HEADER + PER_BLOCK * nb);
            return out;
        }

        /**
         * Mean |current - previous warped by the global motion - offset| per CELLxCELL half-plane
         * cell; -1 where the warped position leaves the previous frame (new picture at the border).
         */
        static void compensatedCells(LumaPlane cur, LumaPlane prev, GlobalMotion g, double offset, int width,
                                     int height, double[] out, int at) {
            int hw = cur.width;
            int cw = hw / CELL;
            int ch = cur.height / CELL;
            byte[] c = cur.pixels;
            byte[] p = prev.pixels;
            for (int cy = 0; cy < ch; cy++) {
                for (int cx = 0; cx < cw; cx++) {
                    double sum = 0;
                    boolean outside = false;
                    for (int y = cy * CELL; y < cy * CELL + CELL && !outside; y++) {
                        for (int x = cx * CELL; x < cx * CELL + CELL; x++) {
                            double ax = 2 * x + 1 - width / 2.0;
                            double ay = 2 * y + 1 - height / 2.0;
                            double px = x - g.u(ax, ay) / 2;
                            double py = y - g.v(ax, ay) / 2;
                            if (px < 0 || py < 0 || px > hw - 1 || py > cur.height - 1) {
                                outside = true;
                                break;
                            }
                            int x0 = Math.min((int) px, hw - 2);
                            int y0 = Math.min((int) py, cur.height - 2);
                            double fx = px - x0;
                            double fy = py - y0;
                            int i = y0 * hw + x0;
                            double v = (1 - fy) * ((1 - fx) * (p[i] & 0xFF) + fx * (p[i + 1] & 0xFF))
                                    + fy * ((1 - fx) * (p[i + hw] & 0xFF) + fx * (p[i + hw + 1] & 0xFF));
                            sum += Math.abs((c[y * hw + x] & 0xFF) - v - offset);
                        }
                    }
                    out[at + cy * cw + cx] = outside ? -1 : sum / (CELL * CELL);
                }
            }
        }

        /** Half planes of the last SPAN + 1 analysed frames, filled by the frame tap (called before the scorers). */
        private final LumaPlane[] ring = new LumaPlane[SPAN + 1];
        private final List<double[]> globals = new ArrayList<>();

        void tap(int index, io.shotscope.metrics.AnalysisFrame frame) {
            LumaPlane half = frame.half;
            LumaPlane slot = ring[index % ring.length];
            if (slot == null || slot.width != half.width || slot.height != half.height) {
                slot = new LumaPlane(half.width, half.height);
                ring[index % ring.length] = slot;
            }
            System.arraycopy(half.pixels, 0, slot.pixels, 0, half.pixels.length);
        }

        /**
         * Appends to the frame's raw array a second cell map, between this frame and the one
         * min(SPAN, index) frames back, compensated by the sum of the per-frame global motions in
         * between: slow objects that move under a pixel per frame show over several frames.
         */
        private double[] withSpanMap(int index, double[] raw) {
            if (raw.length == 1) {
                globals.add(new double[4]);
                return raw;
            }
            globals.add(new double[] {raw[1], raw[2], raw[3], raw[4]});
            int k = Math.min(SPAN, index);
            double[] sum = new double[4];
            for (int i = index - k + 1; i <= index; i++) {
                for (int j = 0; j < 4; j++) {
                    sum[j] += globals.get(i)[j];
                }
            }
            LumaPlane cur = ring[index % ring.length];
            LumaPlane prev = ring[(index - k) % ring.length];
            int cells = (cur.width / CELL) * (cur.height / CELL);
            double[] out = Arrays.copyOf(raw, raw.length + cells);
            double offset = mean(cur) - mean(prev);
            compensatedCells(cur, prev, new GlobalMotion(sum[0], sum[1], sum[2], sum[3], 0, true), offset,
                    2 * cur.width, 2 * cur.height, out, raw.length);
            return out;
        }

        private static double mean(LumaPlane p) {
            long sum = 0;
            for (byte b : p.pixels) {
                sum += b & 0xFF;
            }
            return sum / (double) p.pixels.length;
        }

        @Override
        public MetricScorer newScorer() {
            return raw -> {
                synchronized (frames) {
                    frames.add(withSpanMap(frames.size(), raw));
                }
                return 0;
            };
        }
    }

    /** Frames spanned by the second cell map (4; {@code -Dspan=N} to extract and read a longer one). */
    static final int SPAN = Integer.getInteger("span", 4);

    static void extract(Path shotDir, Path cache, int limit) throws Exception {
        List<Path> shots;
        try (Stream<Path> s = Files.list(shotDir)) {
            shots = s.filter(p -> p.getFileName().toString().matches(System.getProperty("shots", "shot_\\d+\\.mkv")))
                    .sorted().limit(limit).toList();
        }
        long start = System.nanoTime();
        AnalysisOptions options = AnalysisOptions.defaults().withThreads(1);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache), 1 << 20))) {
            out.writeInt(shots.size());
            for (int k = 0; k < shots.size(); k++) {
                Path shot = shots.get(k);
                Probe probe = new Probe();
                List<ComplexityMetric> metrics = new ArrayList<>(MetricRegistry.all());
                metrics.add(probe);
                ShotReport report;
                try (ShotAnalyzer analyzer = new ShotAnalyzer(options, metrics)) {
                    report = analyzer.analyze(shot.toString(), io.shotscope.analysis.ProgressListener.NONE, probe::tap);
                }
                List<String> keys = MetricRegistry.keys();
                int n = report.framesAnalysed();
                out.writeUTF(shot.getFileName().toString());
                out.writeInt(n);
                for (String key : keys) {
                    MetricSummary m = report.metrics().get(key);
                    for (int t = 0; t < n; t++) {
                        out.writeFloat(m.frameScores().get(t).floatValue());
                    }
                }
                out.writeInt(probe.frames.size());
                for (double[] f : probe.frames) {
                    out.writeInt(f.length);
                    for (double v : f) {
                        out.writeFloat((float) v);
                    }
                }
                if ((k + 1) % 50 == 0) {
                    System.err.printf(Locale.ROOT, "%s: %d/%d shots, %.0f s%n", shotDir.getFileName(), k + 1,
                            shots.size(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
        System.err.printf(Locale.ROOT, "extracted %d shots in %.1f s%n", shots.size(), (System.nanoTime() - start) / 1e9);
    }

    // ---------------------------------------------------------------- data

    /** One analysed shot: the nine metric curves and per-frame probe arrays (frame 0 has none). */
    record Shot(String name, float[][] metrics, List<float[]> probe, Map<String, String> factors, int label) {
        double factor(String column) {
            return Double.parseDouble(factors.get(column));
        }
    }

    static List<Shot> load(Path shotDir, Path cache, int limit) throws IOException {
        Map<String, Map<String, String>> manifest = new HashMap<>();
        Path manifestFile = shotDir.resolve("manifest.csv");
        List<String> lines = Files.exists(manifestFile) ? Files.readAllLines(manifestFile) : List.of("path,label");
        String[] header = lines.get(0).split(",");
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            Map<String, String> row = new HashMap<>();
            for (int j = 0; j < header.length && j < cells.length; j++) {
                row.put(header[j].strip(), cells[j].strip());
            }
            manifest.put(Path.of(row.get("path")).getFileName().toString(), row);
        }
        List<Shot> shots = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache), 1 << 20))) {
            int count = in.readInt();
            for (int k = 0; k < count && k < limit; k++) {
                String name = in.readUTF();
                int n = in.readInt();
                float[][] m = new float[MetricRegistry.keys().size()][n];
                for (float[] row : m) {
                    for (int t = 0; t < n; t++) {
                        row[t] = in.readFloat();
                    }
                }
                int frames = in.readInt();
                List<float[]> probe = new ArrayList<>();
                for (int t = 0; t < frames; t++) {
                    float[] f = new float[in.readInt()];
                    for (int j = 0; j < f.length; j++) {
                        f[j] = in.readFloat();
                    }
                    if (f.length > 1) {
                        probe.add(f);
                    }
                }
                Map<String, String> row = manifest.getOrDefault(name, Map.of("label", "Easy"));
                int label = switch (row.get("label")) {
                    case "Easy" -> 0;
                    case "Medium" -> 1;
                    default -> 2;
                };
                shots.add(new Shot(name, m, probe, row, label));
            }
        }
        return shots;
    }

    // ---------------------------------------------------------------- measures

    /** Parameters of the object counter. */
    record ObjectParams(String source, double threshold, double noiseGain, int minCells, boolean eight, int dilate,
                        double maxHeight) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s thr=%.2f noise*%.1f min=%d %s dilate=%d maxHeight=%.2f", source,
                    threshold, noiseGain, minCells, eight ? "8-conn" : "4-conn", dilate, maxHeight);
        }
    }

    /** Number of connected components per frame (frames after the first). */
    static double[] objectCounts(Shot shot, ObjectParams p) {
        return objectFrames(shot, p)[0];
    }

    /**
     * Per frame (frames after the first): [0] the number of connected components of moving cells or
     * blocks, of at least minCells cells and at most maxHeight of the frame tall (taller ones are
     * taken for an occluder, which crosses the whole frame height); [1] a roto-points estimate,
     * the sum over those components of 0.5 * (1 + speed / 5), speed being the largest block
     * residual (analysis px per frame) under the component.
     */
    static double[][] objectFrames(Shot shot, ObjectParams p) {
        return objectFrames(shot, p, null);
    }

    /** As above; when {@code sizes} is given, also adds each frame's kept region sizes (cells) to it. */
    static double[][] objectFrames(Shot shot, ObjectParams p, List<int[]> sizes) {
        int frames = shot.probe().size();
        double[] counts = new double[frames];
        double[] roto = new double[frames];
        for (int t = 0; t < frames; t++) {
            List<Region> kept = regions(shot, p, t);
            for (Region r : kept) {
                counts[t]++;
                roto[t] += 0.5 * (1 + r.speed() / 5);
            }
            if (sizes != null) {
                sizes.add(kept.stream().mapToInt(Region::size).toArray());
            }
        }
        return new double[][] {counts, roto};
    }

    /**
     * One kept region of a frame's map: centroid and bounds in map cells (x right, y down), its
     * size in cells, and the largest block residual under it (analysis px per frame).
     */
    record Region(double x, double y, int size, int left, int top, int right, int bottom, double speed) {
        int height() {
            return bottom - top + 1;
        }
    }

    /** Width and height of a shot's map for {@code p} (cells or blocks). */
    static int[] mapSize(Shot shot, ObjectParams p) {
        float[] f = shot.probe().get(0);
        if (p.source().equals("blocks")) {
            return new int[] {(int) f[9], (int) f[10]};
        }
        int code = (int) f[11];
        return new int[] {code / 1000, code % 1000};
    }

    /**
     * The connected components of moving cells or blocks in probe frame t, of at least minCells
     * cells and at most maxHeight of the frame tall (taller ones are taken for an occluder, which
     * crosses the whole frame height).
     */
    static List<Region> regions(Shot shot, ObjectParams p, int t) {
        float[] f = shot.probe().get(t);
        int bx = (int) f[9];
        int by = (int) f[10];
        int nb = bx * by;
        boolean[] mask;
        int w;
        int h;
        int scale;
        if (p.source().equals("blocks")) {
            w = bx;
            h = by;
            scale = 1;
            mask = new boolean[nb];
            for (int i = 0; i < nb; i++) {
                mask[i] = f[HEADER + PER_BLOCK * i] > DEAD_ZONE_PX + p.threshold();
            }
        } else {
            int code = (int) f[11];
            w = code / 1000;
            h = code % 1000;
            scale = MotionField.BLOCK / (2 * CELL);
            mask = cellMask(shot, p, t);
        }
        for (int d = 0; d < p.dilate(); d++) {
            mask = dilate(mask, w, h);
        }
        int[] labels = new int[w * h];
        int n = label(mask, w, h, p.eight(), labels);
        int[] size = new int[n + 1];
        int[] left = new int[n + 1];
        int[] top = new int[n + 1];
        int[] right = new int[n + 1];
        int[] bottom = new int[n + 1];
        double[] sx = new double[n + 1];
        double[] sy = new double[n + 1];
        double[] speed = new double[n + 1];
        Arrays.fill(top, Integer.MAX_VALUE);
        Arrays.fill(left, Integer.MAX_VALUE);
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c == 0) {
                continue;
            }
            int x = i % w;
            int y = i / w;
            size[c]++;
            sx[c] += x;
            sy[c] += y;
            left[c] = Math.min(left[c], x);
            right[c] = Math.max(right[c], x);
            top[c] = Math.min(top[c], y);
            bottom[c] = Math.max(bottom[c], y);
            int block = Math.min(by - 1, y / scale) * bx + Math.min(bx - 1, x / scale);
            speed[c] = Math.max(speed[c], f[HEADER + PER_BLOCK * block]);
        }
        List<Region> kept = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            if (size[c] >= p.minCells() && bottom[c] - top[c] + 1 <= p.maxHeight() * h) {
                kept.add(new Region(sx[c] / size[c], sy[c] / size[c], size[c], left[c], top[c], right[c], bottom[c],
                        speed[c]));
            }
        }
        return kept;
    }

    /**
     * Splitting merged regions (experiment, 2026-11-30): the synthetic objects of a shot share one
     * size, so a region several times the shot's typical region is probably several objects that
     * touch. Per shot: the typical size is a low quantile of all its kept regions' cell counts; each
     * region counts {@code max(1, round(size / typical))}. Prints Pearson r with the object count
     * and with the roto points of the shot's objects, for the plain count and for each quantile.
     */
    static void split(Path shotDir, Path cache, int limit) throws IOException {
        List<Shot> shots = load(shotDir, cache, limit);
        double[] quantiles = {0.1, 0.25, 0.5};
        double[] plain = new double[shots.size()];
        double[] plainMax = new double[shots.size()];
        double[][] split = new double[quantiles.length][shots.size()];
        for (int i = 0; i < shots.size(); i++) {
            List<int[]> sizes = new ArrayList<>();
            double[] counts = objectFrames(shots.get(i), TUNED_CELLS, sizes)[0];
            plain[i] = Arrays.stream(counts).average().orElse(0);
            plainMax[i] = Arrays.stream(counts).max().orElse(0);
            int[] all = sizes.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            for (int q = 0; q < quantiles.length; q++) {
                double typical = all.length == 0 ? 1 : all[(int) (quantiles[q] * (all.length - 1))];
                double sum = 0;
                for (int[] frame : sizes) {
                    for (int size : frame) {
                        sum += Math.max(1, Math.round(size / typical));
                    }
                }
                split[q][i] = sum / Math.max(1, sizes.size());
            }
        }
        double[] count = factor(shots, "object_count");
        double[] roto = shots.stream().mapToDouble(ObjectCountExperiment::rotoObjects).toArray();
        System.out.printf(Locale.ROOT, "%d shots; Pearson r with object_count / with object roto points%n", shots.size());
        System.out.printf(Locale.ROOT, "  plain count, mean over frames   %.3f / %.3f%n", pearson(plain, count), pearson(plain, roto));
        System.out.printf(Locale.ROOT, "  plain count, max over frames    %.3f / %.3f%n", pearson(plainMax, count),
                pearson(plainMax, roto));
        for (int q = 0; q < quantiles.length; q++) {
            System.out.printf(Locale.ROOT, "  split by the p%02.0f region size     %.3f / %.3f%n", 100 * quantiles[q],
                    pearson(split[q], count), pearson(split[q], roto));
        }
    }

    /**
     * How well each map's per-shot mean count and roto estimate read the object roto points
     * (experiment, 2026-11-30): Pearson r with the object count and with the rubric's object term,
     * and the share of the true count found by object speed, size and count. The four-frame map is
     * also tried with a lower height limit.
     */
    static void roto(Path shotDir, Path cache, int limit) throws IOException {
        List<Shot> shots = load(shotDir, cache, limit);
        double[] count = factor(shots, "object_count");
        double[] speed = factor(shots, "object_speed");
        double[] size = factor(shots, "object_size");
        double[] points = shots.stream().mapToDouble(ObjectCountExperiment::rotoObjects).toArray();
        double[] countTimesSpeed = new double[shots.size()];
        for (int i = 0; i < shots.size(); i++) {
            countTimesSpeed[i] = count[i] * 0.5 * (1 + speed[i] / 5);
        }
        System.out.printf(Locale.ROOT, "%d shots; Pearson r of the per-shot mean with object_count / object roto points%n",
                shots.size());
        System.out.printf(Locale.ROOT, "  reference: true count x true speed vs points %.3f%n", pearson(countTimesSpeed, points));
        List<ObjectParams> params = new ArrayList<>(List.of(TUNED_CELLS, TUNED_SPAN));
        for (double maxHeight : new double[] {0.5, 0.6}) {
            params.add(new ObjectParams("cells" + SPAN, 16, 1.5, 8, true, 1, maxHeight));
        }
        for (ObjectParams p : params) {
            double[] counts = new double[shots.size()];
            double[] estimate = new double[shots.size()];
            // the estimate per region is 0.5 * (1 + speed / 5): times the true count, only the count is measured truly
            double[] trueCountMeasuredSpeed = new double[shots.size()];
            for (int i = 0; i < shots.size(); i++) {
                double[][] frames = objectFrames(shots.get(i), p);
                counts[i] = Arrays.stream(frames[0]).average().orElse(0);
                estimate[i] = Arrays.stream(frames[1]).average().orElse(0);
                trueCountMeasuredSpeed[i] = count[i] * (counts[i] > 0 ? estimate[i] / counts[i] : 0.5);
            }
            System.out.println(" " + p);
            System.out.printf(Locale.ROOT, "  count %.3f / %.3f, roto estimate %.3f / %.3f, true count x measured speed - / %.3f%n",
                    pearson(counts, count), pearson(counts, points), pearson(estimate, count), pearson(estimate, points),
                    pearson(trueCountMeasuredSpeed, points));
            System.out.println("  found / true count by object speed:" + foundBy(speed, new double[] {0, 1, 2, 4, 7, 11}, counts, count));
            System.out.println("  found / true count by object size: " + foundBy(size, new double[] {0.1, 0.15, 0.2, 0.25, 0.31}, counts, count));
            System.out.println("  found / true count by object count:" + foundBy(count, new double[] {1, 2, 3, 4, 5}, counts, count));
        }
    }

    /**
     * Symmetric differencing (experiment, 2026-11-30): the four-frame map of frame t marks an object
     * where it was at t - 4 and where it is at t, the map of frame t + 4 where it is at t and at
     * t + 4; cells moving in both (the later map shifted back by the camera's travel) are the object
     * at t alone, without its trail, so a fast object is one region and objects that pass close
     * merge less. Prints Pearson r of the per-shot mean count with the object count, against the
     * plain four-frame map, for several smallest region sizes.
     */
    static void symmetric(Path shotDir, Path cache, int limit) throws IOException {
        List<Shot> shots = load(shotDir, cache, limit);
        double[] count = factor(shots, "object_count");
        double[] speed = factor(shots, "object_speed");
        double[] plain = new double[shots.size()];
        for (int i = 0; i < shots.size(); i++) {
            plain[i] = Arrays.stream(objectCounts(shots.get(i), TUNED_SPAN)).average().orElse(0);
        }
        System.out.printf(Locale.ROOT, "%d shots; Pearson r of the per-shot mean count with object_count%n", shots.size());
        System.out.printf(Locale.ROOT, "  four-frame map (%s): %.3f%n", TUNED_SPAN, pearson(plain, count));
        System.out.println("    found / true count by object speed:" + foundBy(speed, new double[] {0, 1, 2, 4, 7, 11}, plain, count));
        System.out.println("    found / true count by object count:" + foundBy(count, new double[] {1, 2, 3, 4, 5}, plain, count));
        for (int minCells : new int[] {2, 4, 6, 8}) {
            for (boolean dilateFirst : new boolean[] {false, true}) {
                double[] found = new double[shots.size()];
                for (int i = 0; i < shots.size(); i++) {
                    found[i] = Arrays.stream(symmetricCounts(shots.get(i), minCells, dilateFirst)).average().orElse(0);
                }
                System.out.printf(Locale.ROOT, "  symmetric, min %d cells, %s: %.3f%n", minCells,
                        dilateFirst ? "dilated before intersecting" : "dilated after", pearson(found, count));
                System.out.println("    found / true count by object speed:" + foundBy(speed, new double[] {0, 1, 2, 4, 7, 11}, found, count));
                System.out.println("    found / true count by object count:" + foundBy(count, new double[] {1, 2, 3, 4, 5}, found, count));
            }
        }
    }

    /**
     * The four-frame map on a finer grid (experiment, 2026-11-30): extracted with {@code -Dcell=2},
     * 80 cells across instead of 40, so a one-cell dilation bridges half the gap and touching
     * objects merge less. Prints Pearson r of the per-shot mean count with the object count for
     * several smallest region sizes and dilations (sizes in cells of the map read).
     */
    static void finer(Path shotDir, Path cache, int limit) throws IOException {
        List<Shot> shots = load(shotDir, cache, limit);
        double[] count = factor(shots, "object_count");
        double[] speed = factor(shots, "object_speed");
        System.out.printf(Locale.ROOT, "%d shots, %d half-plane px per cell; Pearson r of the per-shot mean count with object_count%n",
                shots.size(), CELL);
        for (int minCells : new int[] {8, 16, 24, 32, 40, 48}) {
            for (int dilate : new int[] {1, 2}) {
                ObjectParams p = new ObjectParams("cells" + SPAN, 16, 1.5, minCells, true, dilate, 0.7);
                double[] found = new double[shots.size()];
                for (int i = 0; i < shots.size(); i++) {
                    found[i] = Arrays.stream(objectCounts(shots.get(i), p)).average().orElse(0);
                }
                System.out.printf(Locale.ROOT, "  %s: %.3f%n", p, pearson(found, count));
                System.out.println("    found / true count by object speed:" + foundBy(speed, new double[] {0, 1, 2, 4, 7, 11}, found, count));
                System.out.println("    found / true count by object count:" + foundBy(count, new double[] {1, 2, 3, 4, 5}, found, count));
            }
        }
    }

    /** Per frame t with a frame SPAN later: the regions moving in both four-frame maps (see {@link #symmetric}). */
    static double[] symmetricCounts(Shot shot, int minCells, boolean dilateFirst) {
        ObjectParams p = TUNED_SPAN;
        int[] size = mapSize(shot, p);
        int w = size[0];
        int h = size[1];
        int frames = shot.probe().size();
        if (frames <= SPAN) {
            return new double[0];
        }
        double[] counts = new double[frames - SPAN];
        for (int t = 0; t + SPAN < frames; t++) {
            boolean[] now = spanMask(shot, t);
            boolean[] later = spanMask(shot, t + SPAN);
            if (dilateFirst) {
                now = dilate(now, w, h);
                later = dilate(later, w, h);
            }
            double dx = 0;
            double dy = 0;
            for (int k = t + 1; k <= t + SPAN; k++) {
                dx += shot.probe().get(k)[1];
                dy += shot.probe().get(k)[2];
            }
            // cells are CELL half-plane pixels, 2 * CELL analysis pixels
            int sx = (int) Math.round(dx / (2 * CELL));
            int sy = (int) Math.round(dy / (2 * CELL));
            boolean[] both = new boolean[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int lx = x + sx;
                    int ly = y + sy;
                    both[y * w + x] = now[y * w + x] && lx >= 0 && ly >= 0 && lx < w && ly < h && later[ly * w + lx];
                }
            }
            if (!dilateFirst) {
                both = dilate(both, w, h);
            }
            int[] labels = new int[w * h];
            int n = label(both, w, h, true, labels);
            int[] cells = new int[n + 1];
            int[] top = new int[n + 1];
            int[] bottom = new int[n + 1];
            Arrays.fill(top, Integer.MAX_VALUE);
            for (int i = 0; i < labels.length; i++) {
                int c = labels[i];
                if (c > 0) {
                    cells[c]++;
                    top[c] = Math.min(top[c], i / w);
                    bottom[c] = Math.max(bottom[c], i / w);
                }
            }
            for (int c = 1; c <= n; c++) {
                if (cells[c] >= minCells && bottom[c] - top[c] + 1 <= p.maxHeight() * h) {
                    counts[t]++;
                }
            }
        }
        return counts;
    }

    /** The four-frame map's moving cells of probe frame t, before dilation. */
    static boolean[] spanMask(Shot shot, int t) {
        return cellMask(shot, TUNED_SPAN, t);
    }

    /**
     * The moving cells of probe frame t in the cell map of {@code p} ({@code cells}: one frame, else
     * the span), above {@code threshold + noiseGain x} the frame's median cell difference; not dilated.
     */
    static boolean[] cellMask(Shot shot, ObjectParams p, int t) {
        float[] f = shot.probe().get(t);
        int nb = (int) f[9] * (int) f[10];
        int code = (int) f[11];
        int cells = (code / 1000) * (code % 1000);
        int map = p.source().equals("cells") ? 0 : 1;
        int at = HEADER + PER_BLOCK * nb + map * cells;
        double threshold = p.threshold() + p.noiseGain() * cellNoise(shot, map)[t];
        boolean[] mask = new boolean[cells];
        for (int i = 0; i < cells; i++) {
            mask[i] = f[at + i] > threshold;
        }
        return mask;
    }

    /**
     * Per shot and frame, three readings of the four-frame map's regions as CSV rows
     * {@code name,series,value...} (experiment, 2026-11-30): {@code count}, the roto estimate
     * ({@code roto}: the sum of 0.5 * (1 + speed / 5)), and {@code score}, the shipped
     * {@code objects} score's formula (1 - exp(-sum of (1 + speed / 0.375 frame widths per second) / 3)).
     * Which of them helps a learner that sees 32 sampled frames, as the network does?
     */
    static void series(Path shotDir, Path cache, Path out) throws IOException {
        List<Shot> shots = load(shotDir, cache, Integer.MAX_VALUE);
        StringBuilder csv = new StringBuilder();
        for (Shot shot : shots) {
            int frames = shot.probe().size();
            double width = mapSize(shot, TUNED_SPAN)[0] * 2.0 * CELL;
            double[][] v = new double[3][frames];
            for (int t = 0; t < frames; t++) {
                double weights = 0;
                for (Region r : regions(shot, TUNED_SPAN, t)) {
                    v[0][t]++;
                    v[1][t] += 0.5 * (1 + r.speed() / 5);
                    weights += 1 + r.speed() / width * 24 / 0.375;
                }
                v[2][t] = 1 - Math.exp(-weights / 3);
            }
            String[] names = {"count", "roto", "score"};
            for (int k = 0; k < names.length; k++) {
                csv.append(shot.name()).append(',').append(names[k]);
                for (double x : v[k]) {
                    csv.append(String.format(Locale.ROOT, ",%.4f", x));
                }
                csv.append('\n');
            }
        }
        Files.writeString(out, csv);
        System.out.println("wrote " + shots.size() + " shots to " + out);
    }

    /**
     * Following regions over the shot (experiment, 2026-11-30, {@link ObjectTracks}): Pearson r of
     * each per-shot track measure with the object count and the object roto points, for both maps
     * and a few tracker settings, beside the per-frame mean count
     * ({@code -Dtracks=MARGIN,CONFIRM,MAX_MISSES,ALPHA,MIN_FRAMES} tries one setting only).
     */
    static void tracks(Path shotDir, Path cache, int limit) throws IOException {
        List<Shot> shots = load(shotDir, cache, limit);
        double[] count = factor(shots, "object_count");
        double[] speed = factor(shots, "object_speed");
        double[] points = shots.stream().mapToDouble(ObjectCountExperiment::rotoObjects).toArray();
        System.out.printf(Locale.ROOT, "%d shots; Pearson r with object_count / object roto points%n", shots.size());
        List<ObjectTracks.Params> settings = new ArrayList<>(List.of(ObjectTracks.DEFAULT));
        String only = System.getProperty("tracks");
        if (only != null) {
            String[] v = only.split(",");
            settings = List.of(new ObjectTracks.Params(Double.parseDouble(v[0]), Integer.parseInt(v[1]),
                    Integer.parseInt(v[2]), Double.parseDouble(v[3]), Integer.parseInt(v[4])));
        } else {
            settings.add(new ObjectTracks.Params(0, 4, 6, 0.5, 0));
            settings.add(new ObjectTracks.Params(1, 8, 6, 0.5, 0));
            settings.add(new ObjectTracks.Params(1, 4, 12, 0.5, 0));
            settings.add(new ObjectTracks.Params(2, 4, 6, 0.3, 0));
            settings.add(new ObjectTracks.Params(1, 4, 6, 0.5, 12));
            settings.add(new ObjectTracks.Params(1, 8, 6, 0.5, 20));
        }
        String[] names = {"confirmed tracks", "mean alive", "max alive", "roto estimate"};
        for (ObjectParams map : List.of(TUNED_CELLS, TUNED_SPAN)) {
            double[] perFrame = new double[shots.size()];
            for (int i = 0; i < shots.size(); i++) {
                perFrame[i] = Arrays.stream(objectFrames(shots.get(i), map)[0]).average().orElse(0);
            }
            System.out.printf(Locale.ROOT, " %s%n  per-frame mean count %.3f / %.3f%n", map, pearson(perFrame, count),
                    pearson(perFrame, points));
            for (ObjectTracks.Params q : settings) {
                double[][] m = new double[names.length][shots.size()];
                for (int i = 0; i < shots.size(); i++) {
                    double[] v = ObjectTracks.measure(shots.get(i), map, q);
                    for (int k = 0; k < names.length; k++) {
                        m[k][i] = v[k];
                    }
                }
                System.out.println("  " + q);
                for (int k = 0; k < names.length; k++) {
                    System.out.printf(Locale.ROOT, "   %-17s %.3f / %.3f%n", names[k], pearson(m[k], count), pearson(m[k], points));
                }
                System.out.println("   found / true by speed:" + foundBy(speed, new double[] {0, 1, 2, 4, 7, 11}, m[0], count));
                System.out.println("   found / true by count:" + foundBy(count, new double[] {1, 2, 3, 4, 5}, m[0], count));
            }
        }
    }

    /** Per bucket {@code [edges[b], edges[b + 1])} of {@code factor}, measured over true count (shots with objects). */
    private static String foundBy(double[] factor, double[] edges, double[] measured, double[] truth) {
        StringBuilder line = new StringBuilder();
        for (int b = 0; b + 1 < edges.length; b++) {
            double found = 0;
            double there = 0;
            for (int i = 0; i < factor.length; i++) {
                if (truth[i] > 0 && factor[i] >= edges[b] && factor[i] < edges[b + 1]) {
                    found += measured[i];
                    there += truth[i];
                }
            }
            line.append(String.format(Locale.ROOT, " [%.2f,%.2f) %.2f", edges[b], edges[b + 1], found / there));
        }
        return line.toString();
    }

    /**
     * Per shot, the one-frame and the four-frame maps' count and roto estimate ({@link #robust}
     * statistics over frames) as CSV, for summary_ceiling.py ({@code OBJECTS_TRAIN}, {@code OBJECTS_TEST}).
     */
    static void export(Path shotDir, Path cache, Path out) throws IOException {
        List<Shot> shots = load(shotDir, cache, Integer.MAX_VALUE);
        ObjectParams[] maps = {TUNED_CELLS, TUNED_SPAN};
        StringBuilder csv = new StringBuilder("name");
        for (ObjectParams p : maps) {
            for (String what : new String[] {"count", "roto"}) {
                for (String stat : ROBUST) {
                    csv.append(',').append(p.source()).append('_').append(what).append('_').append(stat);
                }
            }
        }
        csv.append('\n');
        for (Shot shot : shots) {
            csv.append(shot.name());
            for (ObjectParams p : maps) {
                for (double[] series : objectFrames(shot, p)) {
                    for (double v : robust(series)) {
                        csv.append(String.format(Locale.ROOT, ",%.4f", v));
                    }
                }
            }
            csv.append('\n');
        }
        Files.writeString(out, csv);
        System.out.println("wrote " + shots.size() + " shots to " + out);
    }

    private static final List<Map<Shot, double[]>> CELL_NOISE = List.of(new java.util.IdentityHashMap<>(),
            new java.util.IdentityHashMap<>());

    /** Per frame, the median of a cell map's valid cells (map 0: one frame, 1: SPAN frames): the compensation noise. */
    static double[] cellNoise(Shot shot, int map) {
        return CELL_NOISE.get(map).computeIfAbsent(shot, s -> {
            double[] noise = new double[s.probe().size()];
            for (int t = 0; t < noise.length; t++) {
                float[] f = s.probe().get(t);
                int nb = (int) f[9] * (int) f[10];
                int code = (int) f[11];
                int cells = (code / 1000) * (code % 1000);
                int at = HEADER + PER_BLOCK * nb + map * cells;
                double[] valid = new double[cells];
                int nv = 0;
                for (int i = 0; i < cells; i++) {
                    if (f[at + i] >= 0) {
                        valid[nv++] = f[at + i];
                    }
                }
                noise[t] = nv == 0 ? 0 : median(Arrays.copyOf(valid, nv));
            }
            return noise;
        });
    }

    static boolean[] dilate(boolean[] m, int w, int h) {
        boolean[] out = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean any = false;
                for (int dy = -1; dy <= 1 && !any; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h && m[yy * w + xx]) {
                            any = true;
                            break;
                        }
                    }
                }
                out[y * w + x] = any;
            }
        }
        return out;
    }

    /** Labels the connected components of the mask 1..n in {@code labels} (0 = background); returns n. */
    static int label(boolean[] m, int w, int h, boolean eight, int[] labels) {
        int[] stack = new int[m.length];
        int count = 0;
        for (int s = 0; s < m.length; s++) {
            if (!m[s] || labels[s] != 0) {
                continue;
            }
            count++;
            int top = 0;
            stack[top++] = s;
            labels[s] = count;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                            continue;
                        }
                        int j = yy * w + xx;
                        if (m[j] && labels[j] == 0) {
                            labels[j] = count;
                            stack[top++] = j;
                        }
                    }
                }
            }
        }
        return count;
    }

    /** Per-shot statistics of a per-frame series: median, mean, p90, max. */
    static double[] robust(double[] x) {
        if (x.length == 0) {
            return new double[4];
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(x).average().orElse(0);
        return new double[] {median(x), mean, s[Math.min(s.length - 1, (int) Math.ceil(0.9 * s.length) - 1)],
            s[s.length - 1]};
    }

    static final String[] ROBUST = {"median", "mean", "p90", "max"};

    /**
     * Camera shake measures from the per-frame global translation (analysis pixels per frame):
     * [jitter = mean |t_k - t_(k-1)|, ratio = jitter / (mean |t| + 0.25), reversal rate = share of
     * frames where the velocity's deviation from the shot's median velocity changes sign (x or y, a
     * 0.15 px dead band), drift = |median t|].
     */
    static double[] shake(Shot shot) {
        List<float[]> frames = shot.probe();
        int n = frames.size();
        double[] tx = new double[n];
        double[] ty = new double[n];
        for (int t = 0; t < n; t++) {
            tx[t] = frames.get(t)[1];
            ty[t] = frames.get(t)[2];
        }
        double jitter = 0;
        double speed = 0;
        for (int t = 0; t < n; t++) {
            speed += Math.hypot(tx[t], ty[t]) / n;
            if (t > 0) {
                jitter += Math.hypot(tx[t] - tx[t - 1], ty[t] - ty[t - 1]) / (n - 1);
            }
        }
        double mx = median(tx);
        double my = median(ty);
        int reversals = reversals(tx, mx) + reversals(ty, my);
        return new double[] {jitter, jitter / (speed + 0.25), reversals / (double) Math.max(1, n - 1),
            Math.hypot(mx, my)};
    }

    static final String[] SHAKE = {"jitter", "ratio", "reversals", "drift"};

    private static int reversals(double[] v, double centre) {
        int count = 0;
        int last = 0;
        for (double x : v) {
            double d = x - centre;
            int sign = d > 0.15 ? 1 : d < -0.15 ? -1 : 0;
            if (sign != 0) {
                if (last != 0 && sign != last) {
                    count++;
                }
                last = sign;
            }
        }
        return count;
    }

    /** Mean, std, max, p95 of each metric over all analysed frames (36 features). */
    static double[] summaries(Shot shot) {
        int m = shot.metrics().length;
        double[] out = new double[4 * m];
        for (int k = 0; k < m; k++) {
            float[] row = shot.metrics()[k];
            int n = row.length;
            double[] v = new double[n];
            double mean = 0;
            for (int t = 0; t < n; t++) {
                v[t] = row[t];
                mean += v[t] / n;
            }
            double var = 0;
            for (double x : v) {
                var += (x - mean) * (x - mean) / n;
            }
            Arrays.sort(v);
            out[4 * k] = mean;
            out[4 * k + 1] = Math.sqrt(var);
            out[4 * k + 2] = v[n - 1];
            out[4 * k + 3] = v[Math.max(0, (int) Math.ceil(0.95 * n) - 1)];
        }
        return out;
    }

    // ---------------------------------------------------------------- statistics

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    static double[] ranks(double[] x) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (i, j) -> Double.compare(x[i], x[j]));
        double[] r = new double[x.length];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && x[idx[j + 1]] == x[idx[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[idx[k]] = 0.5 * (i + j);
            }
            i = j + 1;
        }
        return r;
    }

    /** Multinomial logistic regression as in BaselineModel: standardised features, full-batch GD, L2. */
    static final class Logistic {
        final double[] mean;
        final double[] std;
        final double[][] w;
        final double[] b;

        Logistic(double[][] x, int[] y, int iterations, double rate, double l2) {
            int n = x.length;
            int d = x[0].length;
            mean = new double[d];
            std = new double[d];
            for (int j = 0; j < d; j++) {
                for (double[] row : x) {
                    mean[j] += row[j] / n;
                }
                for (double[] row : x) {
                    std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
                }
                std[j] = Math.max(1e-6, Math.sqrt(std[j]));
            }
            double[][] z = new double[n][];
            for (int i = 0; i < n; i++) {
                z[i] = standardise(x[i]);
            }
            w = new double[3][d];
            b = new double[3];
            for (int step = 0; step < iterations; step++) {
                double[][] gw = new double[3][d];
                double[] gb = new double[3];
                for (int i = 0; i < n; i++) {
                    double[] p = softmax(z[i]);
                    for (int c = 0; c < 3; c++) {
                        double e = (p[c] - (c == y[i] ? 1 : 0)) / n;
                        gb[c] += e;
                        for (int j = 0; j < d; j++) {
                            gw[c][j] += e * z[i][j];
                        }
                    }
                }
                for (int c = 0; c < 3; c++) {
                    b[c] -= rate * gb[c];
                    for (int j = 0; j < d; j++) {
                        w[c][j] -= rate * (gw[c][j] + l2 * w[c][j]);
                    }
                }
            }
        }

        double[] standardise(double[] row) {
            double[] z = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                z[j] = (row[j] - mean[j]) / std[j];
            }
            return z;
        }

        double[] softmax(double[] z) {
            double[] s = new double[3];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                s[c] = b[c];
                for (int j = 0; j < z.length; j++) {
                    s[c] += w[c][j] * z[j];
                }
                max = Math.max(max, s[c]);
            }
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                s[c] = Math.exp(s[c] - max);
                sum += s[c];
            }
            for (int c = 0; c < 3; c++) {
                s[c] /= sum;
            }
            return s;
        }

        int predict(double[] row) {
            double[] p = softmax(standardise(row));
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    static double macroF1(int[] truth, int[] predicted) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < truth.length; i++) {
                if (predicted[i] == c && truth[i] == c) {
                    tp++;
                } else if (predicted[i] == c) {
                    fp++;
                } else if (truth[i] == c) {
                    fn++;
                }
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / 3;
    }

    static double accuracy(int[] truth, int[] predicted) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            ok += truth[i] == predicted[i] ? 1 : 0;
        }
        return ok / (double) truth.length;
    }

    // ---------------------------------------------------------------- evaluation

    interface Features {
        double[] of(Shot s);
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static double[] column(List<Shot> shots, Features f) {
        return shots.stream().mapToDouble(s -> f.of(s)[0]).toArray();
    }

    static double[] factor(List<Shot> shots, String name) {
        return shots.stream().mapToDouble(s -> s.factor(name)).toArray();
    }

    /** Roto points of the shot's objects (the rubric's object term, without fine detail). */
    static double rotoObjects(Shot s) {
        double speed = s.factor("object_speed");
        double blur = Math.min(1, speed * s.factor("shutter") / 4);
        return s.factor("object_count") * 0.5 * (1 + speed / 5) * (1 + 0.5 * blur);
    }

    static void evaluate(Path trainDir, Path trainCache, Path testDir, Path testCache, int trainLimit) throws IOException {
        long start = System.nanoTime();
        List<Shot> train = load(trainDir, trainCache, trainLimit);
        List<Shot> test = load(testDir, testCache, Integer.MAX_VALUE);
        System.out.printf(Locale.ROOT, "train %d shots (%s), test %d shots (%s)%n", train.size(), classCounts(train),
                test.size(), classCounts(test));
        double[] trainCount = factor(train, "object_count");
        double[] testCount = factor(test, "object_count");

        // 1. Tune the object counter on the training shots: Pearson r of a per-shot statistic with object_count.
        String[] sources = {"blocks", "cells", "cells" + SPAN};
        List<ObjectParams> grid = new ArrayList<>();
        for (double maxHeight : new double[] {1.0, 0.7, 0.5}) {
            for (double thr : new double[] {0.0, 0.5, 1.0}) {
                grid.add(new ObjectParams("blocks", thr, 0, 1, true, 0, maxHeight));
            }
            for (String source : new String[] {sources[1], sources[2]}) {
                for (double thr : new double[] {8, 12, 16}) {
                    for (double gain : new double[] {1.5, 2.5}) {
                        for (int min : new int[] {8, 16, 24}) {
                            grid.add(new ObjectParams(source, thr, gain, min, true, 1, maxHeight));
                        }
                    }
                }
            }
        }
        if (System.getProperty("quick") != null) {
            grid = List.of(TUNED_BLOCKS, TUNED_CELLS, TUNED_SPAN);
        }
        System.out.println("\n== object counter, tuned on train (Pearson r of a per-shot statistic with object_count) ==");
        ObjectParams[] best = new ObjectParams[3];
        int[] bestStat = new int[3];
        double[] bestR = {-2, -2, -2};
        for (ObjectParams p : grid) {
            int src = Arrays.asList(sources).indexOf(p.source());
            double[][] stats = train.stream().map(sh -> robust(objectCounts(sh, p))).toArray(double[][]::new);
            StringBuilder line = new StringBuilder(p.toString());
            for (int k = 0; k < ROBUST.length; k++) {
                final int kk = k;
                double r = pearson(Arrays.stream(stats).mapToDouble(x -> x[kk]).toArray(), trainCount);
                line.append(String.format(Locale.ROOT, "  %s %.3f", ROBUST[k], r));
                if (r > bestR[src]) {
                    bestR[src] = r;
                    best[src] = p;
                    bestStat[src] = k;
                }
            }
            System.out.println(line);
        }
        for (int src = 0; src < 3; src++) {
            System.out.printf(Locale.ROOT, "best %-7s %s, per-shot %s (train r %.3f)%n", sources[src] + ":", best[src],
                    ROBUST[bestStat[src]], bestR[src]);
        }
        // Per shot: [source][count stats 0-3, roto stats 4-7]
        Map<Shot, double[][]> objectCache = new java.util.IdentityHashMap<>();
        java.util.function.Function<Shot, double[][]> perSource = sh -> objectCache.computeIfAbsent(sh, k -> {
            double[][] out = new double[3][];
            for (int src = 0; src < 3; src++) {
                double[][] fr = objectFrames(k, best[src]);
                out[src] = concat(robust(fr[0]), robust(fr[1]));
            }
            return out;
        });
        // The measures the classifier gets: per map its count statistic and roto estimate (same statistic).
        Features spanObjects = sh -> {
            double[] v = perSource.apply(sh)[2];
            return new double[] {v[bestStat[2]], v[4 + bestStat[2]]};
        };
        Features allObjects = sh -> {
            double[][] v = perSource.apply(sh);
            return new double[] {v[0][bestStat[0]], v[1][bestStat[1]], v[2][bestStat[2]],
                v[0][4 + bestStat[0]], v[1][4 + bestStat[1]], v[2][4 + bestStat[2]]};
        };

        if (System.getProperty("dump") != null) {
            try (java.io.PrintWriter w = new java.io.PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("dump"))))) {
                String[] cols = {"label", "object_count", "object_speed", "object_size", "shutter", "occluder_frames",
                    "zoom_rate", "shake_amplitude", "pan_speed", "grain_sigma", "defocus_sigma", "fine_detail",
                    "flicker_amplitude"};
                w.println("name," + String.join(",", cols) + ",motion_mean,blocks_frames,cells_frames,cells4_frames");
                for (Shot sh : train) {
                    StringBuilder line = new StringBuilder(sh.name());
                    for (String c : cols) {
                        line.append(',').append(c.equals("label") ? Integer.toString(sh.label()) : sh.factors().get(c));
                    }
                    line.append(',').append(summaries(sh)[4]);
                    for (int src = 0; src < 3; src++) {
                        line.append(',').append(Arrays.stream(objectCounts(sh, best[src])).mapToObj(v -> Integer.toString((int) v))
                                .collect(java.util.stream.Collectors.joining(" ")));
                    }
                    w.println(line);
                }
            }
        }

        System.out.println("\n== correlations (train / test) ==");
        for (int src = 0; src < 3; src++) {
            final int sr = src;
            report("objects (" + sources[src] + ", " + ROBUST[bestStat[src]] + ") vs object_count", train, test,
                    sh -> new double[] {perSource.apply(sh)[sr][bestStat[sr]]}, "object_count");
        }
        report("objects (cells" + SPAN + ") vs roto object points", train, test, sh -> new double[] {spanObjects.of(sh)[0]}, null);
        for (int src = 0; src < 3; src++) {
            final int sr = src;
            report("roto estimate (" + sources[src] + ", " + ROBUST[bestStat[src]] + ") vs roto object points", train, test,
                    sh -> new double[] {perSource.apply(sh)[sr][4 + bestStat[sr]]}, null);
        }
        report("motion mean vs object_count", train, test, sh -> new double[] {summaries(sh)[4]}, "object_count");
        report("motion mean vs roto object points", train, test, sh -> new double[] {summaries(sh)[4]}, null);
        for (int k = 0; k < SHAKE.length; k++) {
            final int kk = k;
            report("shake " + SHAKE[k] + " vs shake_amplitude", train, test, sh -> new double[] {shake(sh)[kk]}, "shake_amplitude");
        }
        report("camera_motion mean vs shake_amplitude", train, test, sh -> new double[] {summaries(sh)[8]}, "shake_amplitude");
        report("camera_motion std vs shake_amplitude", train, test, sh -> new double[] {summaries(sh)[9]}, "shake_amplitude");
        // Among moving cameras only: can the measure tell shake from pan?
        List<Shot> movingTrain = train.stream().filter(sh -> sh.factor("pan_speed") > 0 || sh.factor("shake_amplitude") > 0).toList();
        List<Shot> movingTest = test.stream().filter(sh -> sh.factor("pan_speed") > 0 || sh.factor("shake_amplitude") > 0).toList();
        System.out.printf(Locale.ROOT, "panning or shaking shots: %d train, %d test%n", movingTrain.size(), movingTest.size());
        for (int k = 0; k < SHAKE.length; k++) {
            final int kk = k;
            report("  panning or shaking shots only: shake " + SHAKE[k] + " vs shake_amplitude", movingTrain, movingTest,
                    sh -> new double[] {shake(sh)[kk]}, "shake_amplitude");
        }
        report("  panning or shaking shots only: camera_motion mean vs shake_amplitude", movingTrain, movingTest,
                sh -> new double[] {summaries(sh)[8]}, "shake_amplitude");

        // 2. Logistic regression variants, same training shots, same settings.
        System.out.println("\n== logistic regression (800 iterations, rate 0.5, L2 1e-3), test set ==");
        Features base = ObjectCountExperiment::summaries;
        int[] baseline = fit("summaries (36)", train, test, base, null);
        fit("summaries + objects: cells" + SPAN + " count (1)", train, test,
                sh -> concat(base.of(sh), new double[] {spanObjects.of(sh)[0]}), baseline);
        fit("summaries + objects: cells" + SPAN + " count + roto estimate (2)", train, test,
                sh -> concat(base.of(sh), spanObjects.of(sh)), baseline);
        fit("summaries + objects: count + roto estimate of all 3 maps (6)", train, test,
                sh -> concat(base.of(sh), allObjects.of(sh)), baseline);
        fit("summaries + shake: jitter (1)", train, test, sh -> concat(base.of(sh), new double[] {shake(sh)[0]}), baseline);
        fit("summaries + shake: jitter, ratio, reversals, drift (4)", train, test, sh -> concat(base.of(sh), shake(sh)), baseline);
        fit("summaries + objects (2) + shake jitter (1)", train, test,
                sh -> concat(base.of(sh), spanObjects.of(sh), new double[] {shake(sh)[0]}), baseline);
        fit("summaries + objects (6) + shake (4)", train, test, sh -> concat(base.of(sh), allObjects.of(sh), shake(sh)), baseline);
        fit("summaries + TRUE object_count", train, test, sh -> concat(base.of(sh), new double[] {sh.factor("object_count")}), baseline);
        fit("summaries + TRUE shake_amplitude, pan_speed", train, test,
                sh -> concat(base.of(sh), new double[] {sh.factor("shake_amplitude"), sh.factor("pan_speed")}), baseline);
        fit("summaries + TRUE object_count, shake_amplitude, pan_speed", train, test,
                sh -> concat(base.of(sh), new double[] {sh.factor("object_count"), sh.factor("shake_amplitude"),
                    sh.factor("pan_speed")}), baseline);
        System.out.printf(Locale.ROOT, "%nevaluation took %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** The settings tuned on the 1000 training shots of seed 1 (see docs/model.md). */
    static final ObjectParams TUNED_BLOCKS = new ObjectParams("blocks", 0, 0, 1, true, 0, 0.7);
    static final ObjectParams TUNED_CELLS = new ObjectParams("cells", 8, 2.5, 16, true, 1, 0.5);
    static final ObjectParams TUNED_SPAN = new ObjectParams("cells" + SPAN, 16, 1.5, 8, true, 1, 0.7);

    /** Prints the tuned counters' per-shot statistics and the shake measures for every shot of a cache (any footage). */
    static void counts(Path shotDir, Path cache) throws IOException {
        for (Shot shot : load(shotDir, cache, Integer.MAX_VALUE)) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-36s %5d frames", shot.name(),
                    shot.probe().size() + 1));
            for (ObjectParams p : new ObjectParams[] {TUNED_BLOCKS, TUNED_CELLS, TUNED_SPAN}) {
                double[] r = robust(objectCounts(shot, p));
                line.append(String.format(Locale.ROOT, "  %s median %.0f mean %.2f p90 %.0f max %.0f", p.source(), r[0], r[1],
                        r[2], r[3]));
            }
            double[] sh = shake(shot);
            line.append(String.format(Locale.ROOT, "  jitter %.2f px/frame", sh[0]));
            System.out.println(line);
        }
    }

    static String classCounts(List<Shot> shots) {
        int[] c = new int[3];
        shots.forEach(s -> c[s.label()]++);
        return c[0] + " Easy / " + c[1] + " Medium / " + c[2] + " Hard";
    }

    static void report(String what, List<Shot> train, List<Shot> test, Features f, String factor) {
        double[] a = column(train, f);
        double[] b = column(test, f);
        double[] ta = factor == null ? train.stream().mapToDouble(ObjectCountExperiment::rotoObjects).toArray() : factor(train, factor);
        double[] tb = factor == null ? test.stream().mapToDouble(ObjectCountExperiment::rotoObjects).toArray() : factor(test, factor);
        System.out.printf(Locale.ROOT, "%-75s Pearson %.3f / %.3f   Spearman %.3f / %.3f%n", what, pearson(a, ta),
                pearson(b, tb), spearman(a, ta), spearman(b, tb));
    }

    /** Macro-F1 of 5-fold cross-validation on the training shots (folds from a fixed shuffle, seed 11). */
    static double crossValidated(double[][] x, int[] y) {
        int n = x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] predicted = new int[n];
        for (int fold = 0; fold < 5; fold++) {
            List<double[]> tx = new ArrayList<>();
            List<Integer> ty = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (k % 5 != fold) {
                    tx.add(x[order[k]]);
                    ty.add(y[order[k]]);
                }
            }
            Logistic m = new Logistic(tx.toArray(double[][]::new), ty.stream().mapToInt(Integer::intValue).toArray(),
                    800, 0.5, 1e-3);
            for (int k = fold; k < n; k += 5) {
                predicted[order[k]] = m.predict(x[order[k]]);
            }
        }
        return macroF1(y, predicted);
    }

    /** Trains on train, prints test accuracy and macro-F1, and a paired bootstrap of the F1 gain over the reference. */
    static int[] fit(String name, List<Shot> train, List<Shot> test, Features f, int[] reference) {
        double[][] x = train.stream().map(f::of).toArray(double[][]::new);
        int[] y = train.stream().mapToInt(Shot::label).toArray();
        Logistic model = new Logistic(x, y, 800, 0.5, 1e-3);
        int[] truth = test.stream().mapToInt(Shot::label).toArray();
        int[] predicted = test.stream().mapToInt(s -> model.predict(f.of(s))).toArray();
        int[] trainPredicted = Arrays.stream(x).mapToInt(model::predict).toArray();
        double f1 = macroF1(truth, predicted);
        String gain = "";
        if (reference != null) {
            SplittableRandom random = new SplittableRandom(7);
            int n = truth.length;
            double[] diffs = new double[1000];
            for (int r = 0; r < diffs.length; r++) {
                int[] t = new int[n];
                int[] p = new int[n];
                int[] q = new int[n];
                for (int i = 0; i < n; i++) {
                    int k = random.nextInt(n);
                    t[i] = truth[k];
                    p[i] = predicted[k];
                    q[i] = reference[k];
                }
                diffs[r] = macroF1(t, p) - macroF1(t, q);
            }
            Arrays.sort(diffs);
            gain = String.format(Locale.ROOT, "  gain %+.3f (95%% bootstrap %+.3f to %+.3f)", f1 - macroF1(truth, reference),
                    diffs[25], diffs[974]);
        }
        System.out.printf(Locale.ROOT, "%-62s train F1 %.3f  5-fold CV F1 %.3f  test acc %.3f  test macro-F1 %.3f%s%n", name,
                macroF1(y, trainPredicted), crossValidated(x, y), accuracy(truth, predicted), f1, gain);
        return predicted;
    }
}
