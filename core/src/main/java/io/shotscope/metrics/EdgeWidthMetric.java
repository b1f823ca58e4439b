package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;
import java.util.Arrays;

/**
 * {@code edge_width}: how wide the frame's strong edges are, which is what defocus and motion blur
 * change and what grain and contrast do not. A soft plate costs roto (soft mattes), tracking (fewer
 * crisp features) and CG (a matched defocus); {@code blur}'s re-blur measure reads grain as
 * sharpness, so a grainy soft plate looks sharp to it.
 *
 * <p>On the half-size plane (grain there is already averaged over four pixels), for every pixel
 * whose 5x5 neighbourhood spans more than {@value #CONTRAST} grey levels (a strong edge nearby),
 * the edge's width is that range over the steepest gradient in the same neighbourhood (Sobel,
 * in grey levels per pixel): a step edge reads 2 pixels, a ramp wider than the neighbourhood 4.
 * The frame's width is the median over those pixels, so it depends neither on the edges' contrast
 * nor on how many there are. bottle-detection at 640 x 360 reads 2.08, and blurred with a Gaussian
 * of sigma 1, 2, 4, 6 and 8 analysis pixels 2.20, 2.61, 3.36, 3.86 and 3.99. Frames with fewer
 * than {@value #MIN_EDGE_PIXELS} such pixels have nothing to be soft about and score 0.
 *
 * <p>{@code score = clamp01((width - }{@value #SHARP_WIDTH}{@code ) / (}{@value #SOFT_WIDTH}
 * {@code  - }{@value #SHARP_WIDTH}{@code ))}. Raw measurements: {@code [score, width, edge pixels]}.
 */
public final class EdgeWidthMetric implements ComplexityMetric {
    /** Grey levels a 5x5 neighbourhood must span to hold a strong edge. */
    static final int CONTRAST = 40;
    /** Fewest strong-edge pixels for a width to be read; below it the frame scores 0. */
    static final int MIN_EDGE_PIXELS = 30;
    /** Width of a step edge, half-plane pixels: score 0. */
    static final double SHARP_WIDTH = 2.0;
    /** Width that scores 1: a ramp wider than the 5x5 neighbourhood. */
    static final double SOFT_WIDTH = 4.0;
    /** A Sobel kernel's response to a ramp of one grey level per pixel. */
    private static final int SOBEL_GAIN = 8;
    /** Neighbourhood radius: 5x5. */
    private static final int RADIUS = 2;
    /** Histogram of widths for the median: bins of 1/BINS_PER_PIXEL pixel up to MAX_WIDTH. */
    private static final int BINS_PER_PIXEL = 32;
    private static final int MAX_WIDTH = 32;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    @Override
    public String key() {
        return "edge_width";
    }

    @Override
    public double[] measure(FrameContext frame) {
        double[] width = width(frame.current().half);
        return new double[] {score(width[0]), width[0], width[1]};
    }

    static double score(double width) {
        return Scores.clamp01((width - SHARP_WIDTH) / (SOFT_WIDTH - SHARP_WIDTH));
    }

    /** {@code [median width in pixels (0 when too few strong edges), strong-edge pixels]}. */
    static double[] width(LumaPlane plane) {
        int w = plane.width;
        int h = plane.height;
        if (w <= 2 * RADIUS + 2 || h <= 2 * RADIUS + 2) {
            return new double[] {0, 0};
        }
        Scratch s = SCRATCH.get().ensure(w, h);
        int[] luma = s.luma;
        byte[] p = plane.pixels;
        for (int i = 0; i < w * h; i++) {
            luma[i] = p[i] & 0xFF;
        }
        squaredGradient(luma, w, h, s.gradient);
        // 5x5 luma range, separable: rows, then columns a row at a time; the loops over x have no
        // branches, so the JIT can vectorise them
        rowExtremes(s, w, h);
        int[] histogram = s.histogram;
        Arrays.fill(histogram, 0);
        int[] range = s.range;
        int[] gradient = s.gradient;
        int edges = 0;
        for (int y = RADIUS + 1; y < h - RADIUS - 1; y++) {
            columnRanges(s, w, y);
            for (int x = RADIUS + 1; x < w - RADIUS - 1; x++) {
                if (range[x] <= CONTRAST) {
                    continue;
                }
                // few pixels are near a strong edge: the steepest gradient is looked up for those only
                int steepestSquared = 0;
                for (int row = (y - RADIUS) * w + x - RADIUS; row <= (y + RADIUS) * w + x - RADIUS; row += w) {
                    for (int i = row; i <= row + 2 * RADIUS; i++) {
                        steepestSquared = Math.max(steepestSquared, gradient[i]);
                    }
                }
                if (steepestSquared > 0) {
                    // the square root of the largest square is the largest gradient: one root per edge pixel
                    float steepest = (float) (Math.sqrt(steepestSquared) / SOBEL_GAIN);
                    int bin = (int) (range[x] / steepest * BINS_PER_PIXEL);
                    histogram[Math.min(histogram.length - 1, bin)]++;
                    edges++;
                }
            }
        }
        if (edges < MIN_EDGE_PIXELS) {
            return new double[] {0, edges};
        }
        // every edge pixel is in the histogram (the last bin takes the widest), so the median is reached
        int half = (edges + 1) / 2;
        int bin = 0;
        for (int seen = histogram[0]; seen < half; seen += histogram[bin]) {
            bin++;
        }
        return new double[] {(bin + 0.5) / BINS_PER_PIXEL, edges};
    }

    /** Squared Sobel gradient magnitude (in Sobel units: {@value #SOBEL_GAIN} x grey levels per pixel); 0 on the border. */
    private static void squaredGradient(int[] p, int w, int h, int[] out) {
        Arrays.fill(out, 0, w * h, 0);
        for (int y = 1; y < h - 1; y++) {
            int up = (y - 1) * w;
            int row = y * w;
            int down = (y + 1) * w;
            for (int x = 1; x < w - 1; x++) {
                int gx = (p[up + x + 1] + 2 * p[row + x + 1] + p[down + x + 1])
                        - (p[up + x - 1] + 2 * p[row + x - 1] + p[down + x - 1]);
                int gy = (p[down + x - 1] + 2 * p[down + x] + p[down + x + 1])
                        - (p[up + x - 1] + 2 * p[up + x] + p[up + x + 1]);
                out[row + x] = gx * gx + gy * gy;
            }
        }
    }

    /** Along each row, the 5-wide ({@link #RADIUS} 2: five terms) maximum and minimum of the luma. */
    private static void rowExtremes(Scratch s, int w, int h) {
        int[] p = s.luma;
        int[] hi = s.rowMax;
        int[] lo = s.rowMin;
        for (int y = 0; y < h; y++) {
            int end = y * w + w - RADIUS;
            for (int i = y * w + RADIUS; i < end; i++) {
                hi[i] = Math.max(Math.max(Math.max(p[i - 2], p[i - 1]), Math.max(p[i + 1], p[i + 2])), p[i]);
                lo[i] = Math.min(Math.min(Math.min(p[i - 2], p[i - 1]), Math.min(p[i + 1], p[i + 2])), p[i]);
            }
        }
    }

    /** For row {@code y}, every pixel's 5x5 luma range, from the row extremes of the five rows around it. */
    private static void columnRanges(Scratch s, int w, int y) {
        int[] hi = s.rowMax;
        int[] lo = s.rowMin;
        int[] range = s.range;
        int a = (y - 2) * w;
        int b = (y - 1) * w;
        int c = y * w;
        int d = (y + 1) * w;
        int e = (y + 2) * w;
        for (int x = RADIUS; x < w - RADIUS; x++) {
            int max = Math.max(Math.max(Math.max(hi[a + x], hi[b + x]), Math.max(hi[d + x], hi[e + x])), hi[c + x]);
            int min = Math.min(Math.min(Math.min(lo[a + x], lo[b + x]), Math.min(lo[d + x], lo[e + x])), lo[c + x]);
            range[x] = max - min;
        }
    }

    /** Per-thread buffers, grown to the largest plane seen. */
    private static final class Scratch {
        int[] luma = new int[0];
        int[] gradient = new int[0];
        int[] rowMax = new int[0];
        int[] rowMin = new int[0];
        /** One row's 5x5 luma ranges. */
        int[] range = new int[0];
        final int[] histogram = new int[MAX_WIDTH * BINS_PER_PIXEL];

        Scratch ensure(int width, int height) {
            int size = width * height;
            if (gradient.length < size) {
                luma = new int[size];
                gradient = new int[size];
                rowMax = new int[size];
                rowMin = new int[size];
            }
            if (range.length < width) {
                range = new int[width];
            }
            return this;
        }
    }
}
