package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;
import java.util.Arrays;

/**
 * Instability of the light: flicker, exposure pumping, lights switching, plus clipped highlights and
 * crushed blacks (detail that grading and comp cannot recover).
 *
 * <p>{@link #measure} is a pure per-frame pass over the analysis-size luma returning
 * {@code [globalMean, regionMean_0 .. regionMean_15, clippedShare]}: the mean luma, the means of a
 * {@value #GRID}x{@value #GRID} grid of regions, and the share of pixels >= {@link #HIGHLIGHT_CLIP} or
 * <= {@link #BLACK_CRUSH}. The stateful scorer compares with the previous frame's values:
 * <pre>
 *   change  = FLICKER_GLOBAL_WEIGHT·|Δ global mean| + (1 - FLICKER_GLOBAL_WEIGHT)·median_r |Δ region mean r|
 *   flicker = saturating(max(0, change - CHANGE_FLOOR), CHANGE_SCALE)        (grey levels per analysed frame)
 *   clip    = saturating(clippedShare, CLIPPED_SCALE)
 *   score   = 1 - (1 - flicker)(1 - clip)
 * </pre>
 * The median over regions means one moving object (changing a few regions) is not flicker, while a
 * global light change moves every region. First frame: the flicker part is undefined, so the score is
 * the clipping part alone (flicker taken as 0) rather than NaN, so a single-frame plate still reports
 * its clipping.
 */
public final class LightingMetric implements ComplexityMetric {
    /** Regions per side of the grid for regional means. */
    static final int GRID = 4;
    /** Luma at or above this counts as a clipped highlight. */
    static final int HIGHLIGHT_CLIP = 250;
    /** Luma at or below this counts as crushed black. */
    static final int BLACK_CRUSH = 5;
    /** Weight of the global mean change against the regional median change. */
    static final double FLICKER_GLOBAL_WEIGHT = 0.5;
    /** Frame-to-frame change (grey levels) tolerated as codec/sensor jitter before counting as flicker. */
    static final double CHANGE_FLOOR = 0.5;
    /** Change above the floor (grey levels) at which flicker reaches 0.63; 10+ levels is obvious flicker. */
    static final double CHANGE_SCALE = 4.0;
    /** Clipped+crushed share at which the clipping part reaches 0.63. */
    static final double CLIPPED_SCALE = 0.25;
    /** Index layout of the raw measurement array. */
    static final int GLOBAL = 0;
    static final int FIRST_REGION = 1;
    static final int REGIONS = GRID * GRID;
    static final int CLIPPED = FIRST_REGION + REGIONS;

    @Override
    public String key() {
        return "lighting";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return statistics(frame.current().luma);
    }

    @Override
    public MetricScorer newScorer() {
        return new Scorer();
    }

    /** {@code [globalMean, 16 region means (row-major), clippedShare]} of one frame. */
    static double[] statistics(LumaPlane plane) {
        final int w = plane.width;
        final int h = plane.height;
        final byte[] p = plane.pixels;
        final long[] regionSum = new long[REGIONS];
        long clipped = 0;
        for (int ry = 0; ry < GRID; ry++) {
            final int y0 = ry * h / GRID;
            final int y1 = (ry + 1) * h / GRID;
            for (int y = y0; y < y1; y++) {
                final int row = y * w;
                int rowClipped = 0;
                for (int rx = 0; rx < GRID; rx++) {
                    final int x0 = row + rx * w / GRID;
                    final int x1 = row + (rx + 1) * w / GRID;
                    int sum = 0;
                    for (int i = x0; i < x1; i++) {
                        final int v = p[i] & 0xFF;
                        sum += v;
                        // 1 when v >= HIGHLIGHT_CLIP or v <= BLACK_CRUSH
                        rowClipped += ((HIGHLIGHT_CLIP - 1 - v) >>> 31) | ((v - BLACK_CRUSH - 1) >>> 31);
                    }
                    regionSum[ry * GRID + rx] += sum;
                }
                clipped += rowClipped;
            }
        }
        final double[] out = new double[CLIPPED + 1];
        long total = 0;
        for (int ry = 0; ry < GRID; ry++) {
            final long rh = (ry + 1) * h / GRID - ry * h / GRID;
            for (int rx = 0; rx < GRID; rx++) {
                final long rw = (rx + 1) * w / GRID - rx * w / GRID;
                final int r = ry * GRID + rx;
                total += regionSum[r];
                out[FIRST_REGION + r] = rw * rh > 0 ? (double) regionSum[r] / (rw * rh) : 0;
            }
        }
        final double pixels = (double) w * h;
        out[GLOBAL] = pixels > 0 ? total / pixels : 0;
        out[CLIPPED] = pixels > 0 ? clipped / pixels : 0;
        return out;
    }

    /** Combines the change from the previous frame (or nothing for the first) with clipping. */
    static double score(double[] raw, double[] previous) {
        final double clip = Scores.saturating(raw[CLIPPED], CLIPPED_SCALE);
        if (previous == null) {
            return clip;
        }
        final double[] changes = new double[REGIONS];
        for (int r = 0; r < REGIONS; r++) {
            changes[r] = Math.abs(raw[FIRST_REGION + r] - previous[FIRST_REGION + r]);
        }
        Arrays.sort(changes);
        final double median = 0.5 * (changes[REGIONS / 2 - 1] + changes[REGIONS / 2]);
        final double change = FLICKER_GLOBAL_WEIGHT * Math.abs(raw[GLOBAL] - previous[GLOBAL])
                + (1 - FLICKER_GLOBAL_WEIGHT) * median;
        final double flicker = Scores.saturating(change - CHANGE_FLOOR, CHANGE_SCALE);
        return Scores.clamp01(1 - (1 - flicker) * (1 - clip));
    }

    /** Per-shot state: the previous frame's statistics. */
    private static final class Scorer implements MetricScorer {
        private double[] previous;

        @Override
        public double score(double[] raw) {
            final double s = LightingMetric.score(raw, previous);
            previous = raw.clone();
            return s;
        }
    }
}
