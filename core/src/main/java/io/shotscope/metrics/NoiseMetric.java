package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;

/**
 * Sensor noise and film grain by Immerkær's fast noise variance estimation (1996), with the edge
 * exclusion of Tai and Yang (2008) so that texture is not read as noise.
 *
 * <p>The luma is convolved with N = [[1,-2,1],[-2,4,-2],[1,-2,1]], the difference of two Laplacians,
 * which cancels smooth image structure and keeps white noise with gain 6 (in the mean absolute
 * response, sqrt(2/pi)·6·sigma). Immerkær's estimate over all interior pixels is
 * sigma = sqrt(pi/2) / (6 (W-2)(H-2)) · Σ|I * N|. Here the sum and the count run only over pixels
 * whose Sobel gradient |gx| + |gy| is below the {@link #EDGE_PERCENTILE} percentile of the frame, i.e.
 * the strongest {@code 1 - EDGE_PERCENTILE} of gradients (edges, texture) are excluded; an adaptive
 * threshold keeps working whatever the noise level (a fixed one would discard the noise itself once
 * grain is strong). The percentile comes from a gradient histogram built in the same pass, which also
 * accumulates Σ|I * N| per gradient bin, so nothing image-sized is stored.
 *
 * <p>Box downscaling by k averages k² samples and divides white noise by k, so sigma is multiplied by
 * {@code nativePixelsPerAnalysisPixel()} to report noise at the plate's native resolution. The score is
 * {@code Scores.saturating(max(0, sigma - SIGMA_FLOOR), SIGMA_SCALE)} with sigma in 8-bit grey levels.
 */
public final class NoiseMetric implements ComplexityMetric {
    /** Share of pixels (lowest gradients) used for the estimate; the top 10 % count as edges (Tai & Yang). */
    static final double EDGE_PERCENTILE = 0.90;
    /**
     * Only every ROW_STEP-th row is evaluated (each with its full 3x3 neighbourhood): the estimate is a
     * mean over a quarter million pixels per 960x540 frame, still far more than it needs; halves the cost.
     */
    static final int ROW_STEP = 2;
    /** Gradient histogram bins; |gx| + |gy| (0..2040) is divided by {@link #GRADIENT_BIN_SHIFT}. */
    private static final int GRADIENT_BINS = 1024;
    /** log2 of {@link #GRADIENT_BINS}. */
    private static final int GRADIENT_BIN_BITS = 10;
    /** Right shift from |gx| + |gy| to its histogram bin (2 levels per bin). */
    private static final int GRADIENT_BIN_SHIFT = 1;
    /** Immerkær's factor sqrt(pi/2) / 6 from mean |I * N| to sigma. */
    static final double IMMERKAER_FACTOR = Math.sqrt(Math.PI / 2) / 6;
    /** Noise sigma (grey levels) treated as clean: residual codec texture on clean footage reads ~1. */
    static final double SIGMA_FLOOR = 1.0;
    /** Sigma above the floor at which the score reaches 0.63; strong grain (sigma 10) scores ~0.9. */
    static final double SIGMA_SCALE = 4.0;

    @Override
    public String key() {
        return "noise";
    }

    @Override
    public double[] measure(FrameContext frame) {
        final double sigma = sigma(frame.current().luma) * frame.nativePixelsPerAnalysisPixel();
        return new double[] {score(sigma)};
    }

    /** Maps a native-resolution noise sigma in grey levels to [0, 1]. */
    static double score(double sigma) {
        return Scores.saturating(sigma - SIGMA_FLOOR, SIGMA_SCALE);
    }

    /** Immerkær noise sigma in grey levels at the plane's resolution, strongest-gradient pixels excluded. */
    static double sigma(LumaPlane plane) {
        final int w = plane.width;
        final int h = plane.height;
        final byte[] p = plane.pixels;
        if (w < 3 || h < 3) {
            return 0;
        }
        // Two interleaved histograms (even and odd x) so consecutive pixels in the same bin (flat areas)
        // do not serialise on one counter; merged below.
        final int[] count = new int[2 * GRADIENT_BINS];
        final long[] response = new long[2 * GRADIENT_BINS];
        final int[] grad = new int[w];
        final int[] lap = new int[w];
        long total = 0;
        for (int y = 1; y < h - 1; y += ROW_STEP) {
            final int row = y * w;
            final int up = row - w;
            final int down = row + w;
            for (int x = 1; x < w - 1; x++) {
                final int a = p[up + x - 1] & 0xFF;
                final int b = p[up + x] & 0xFF;
                final int c = p[up + x + 1] & 0xFF;
                final int d = p[row + x - 1] & 0xFF;
                final int e = p[row + x] & 0xFF;
                final int f = p[row + x + 1] & 0xFF;
                final int g = p[down + x - 1] & 0xFF;
                final int k = p[down + x] & 0xFF;
                final int m = p[down + x + 1] & 0xFF;
                final int gx = (c + 2 * f + m) - (a + 2 * d + g);
                final int gy = (g + 2 * k + m) - (a + 2 * b + c);
                grad[x] = Math.min(GRADIENT_BINS - 1, (Math.abs(gx) + Math.abs(gy)) >> GRADIENT_BIN_SHIFT);
                lap[x] = Math.abs((a + c + g + m) - 2 * (b + d + f + k) + 4 * e);
            }
            total += w - 2;
            for (int x = 1; x < w - 1; x++) {
                final int bin = grad[x] | ((x & 1) << GRADIENT_BIN_BITS);
                count[bin]++;
                response[bin] += lap[x];
            }
        }
        final long keep = Math.max(1, (long) Math.ceil(EDGE_PERCENTILE * total));
        long used = 0;
        long sum = 0;
        for (int bin = 0; bin < GRADIENT_BINS && used < keep; bin++) {
            used += count[bin] + count[bin + GRADIENT_BINS];
            sum += response[bin] + response[bin + GRADIENT_BINS];
        }
        return used > 0 ? IMMERKAER_FACTOR * sum / used : 0;
    }
}
