package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;

/**
 * Texture richness: the Shannon entropy of the uniform local binary pattern (LBP) histogram,
 * normalised by its maximum log2(59).
 *
 * <p>Each pixel gets an 8-bit code from its 8 neighbours at radius 1 (bit k set when neighbour k >=
 * centre + {@link #THRESHOLD}). Codes with at most two 0/1 transitions around the circle are the 58
 * "uniform" patterns (edges, corners, spots, flat); all others share one bin, 59 bins in all. A flat
 * frame puts every pixel into the all-zero bin (entropy 0); rich natural texture (foliage, gravel,
 * fabric) spreads over many patterns (entropy towards log2(59)). The score is H / log2(59), already in
 * [0, 1], no further calibration.
 *
 * <p>Computed at the analysis size ({@code luma}). The threshold does two jobs: it keeps sensor noise
 * on a flat wall below the comparison (noise sigma 1.5 gives neighbour differences of sd 2.1, rarely
 * >= 6), and it keeps smooth gradients from reading as texture: a slope shallower than
 * {@value #THRESHOLD} levels per pixel sets no bits. That matters for blur: blurring spreads an edge
 * into a wide slope, and on the half-size level (where the same slope is twice as steep per pixel)
 * the widened edges produced more non-flat patterns than the blur removed, so texture rose under blur
 * on the bottle-detection footage. At the analysis size with threshold 6 it falls as it should.
 */
public final class TextureMetric implements ComplexityMetric {
    /**
     * Neighbour must be at least this many grey levels above the centre to set its bit: above sensor
     * noise and above the per-pixel slope of blurred edges (see the class comment).
     */
    static final int THRESHOLD = 6;
    /** 58 uniform patterns plus one bin for all non-uniform ones. */
    static final int BINS = 59;
    /** Index of the shared non-uniform bin. */
    private static final int NON_UNIFORM_BIN = BINS - 1;
    /** Maximum entropy of a 59-bin histogram in bits, the normaliser. */
    private static final double MAX_ENTROPY = Math.log(BINS) / Math.log(2);
    /** Number of 8-bit LBP codes. */
    private static final int CODES = 256;
    /** Interleaved code histograms (a power of two) to avoid a store-to-load chain on one counter. */
    private static final int HISTOGRAM_COPIES = 4;
    /** Only every ROW_STEP-th row is coded: a histogram over a quarter million pixels is stable; halves the cost. */
    static final int ROW_STEP = 2;
    /** Maps each 8-bit LBP code to its bin 0..58. */
    private static final byte[] UNIFORM_BIN = uniformMapping();

    @Override
    public String key() {
        return "texture";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {normalisedEntropy(frame.current().luma)};
    }

    /** Entropy of the uniform-LBP histogram divided by log2(59), in [0, 1]. */
    static double normalisedEntropy(LumaPlane plane) {
        return normalisedEntropy(plane, THRESHOLD);
    }

    static double normalisedEntropy(LumaPlane plane, int threshold) {
        final int w = plane.width;
        final int h = plane.height;
        final byte[] p = plane.pixels;
        // Raw 8-bit codes are counted in HISTOGRAM_COPIES interleaved histograms (pixel x goes to copy
        // x % copies): most pixels of a frame share a few codes, and one histogram would serialise on
        // incrementing the same counter. Codes are mapped to the 59 bins once at the end.
        final int[] codes = new int[HISTOGRAM_COPIES * CODES];
        final int t = threshold;
        long total = 0;
        for (int y = 1; y < h - 1; y += ROW_STEP) {
            final int row = y * w;
            final int up = row - w;
            final int down = row + w;
            total += w - 2;
            for (int x = 1; x < w - 1; x++) {
                // (centre + t - 1 - neighbour) >>> 31 is 1 exactly when neighbour >= centre + t.
                final int c = (p[row + x] & 0xFF) + t - 1;
                final int code = ((c - (p[up + x - 1] & 0xFF)) >>> 31)
                        | (((c - (p[up + x] & 0xFF)) >>> 31) << 1)
                        | (((c - (p[up + x + 1] & 0xFF)) >>> 31) << 2)
                        | (((c - (p[row + x + 1] & 0xFF)) >>> 31) << 3)
                        | (((c - (p[down + x + 1] & 0xFF)) >>> 31) << 4)
                        | (((c - (p[down + x] & 0xFF)) >>> 31) << 5)
                        | (((c - (p[down + x - 1] & 0xFF)) >>> 31) << 6)
                        | (((c - (p[row + x - 1] & 0xFF)) >>> 31) << 7);
                codes[((x & (HISTOGRAM_COPIES - 1)) << 8) | code]++;
            }
        }
        if (total <= 0) {
            return 0;
        }
        final long[] hist = new long[BINS];
        for (int i = 0; i < codes.length; i++) {
            hist[UNIFORM_BIN[i & (CODES - 1)]] += codes[i];
        }
        double entropy = 0;
        for (long count : hist) {
            if (count > 0) {
                final double q = (double) count / total;
                entropy -= q * Math.log(q);
            }
        }
        return Scores.clamp01(entropy / Math.log(2) / MAX_ENTROPY);
    }

    /** Bins 0..57 for the uniform codes in increasing code order, 58 for the rest. */
    private static byte[] uniformMapping() {
        final byte[] map = new byte[256];
        int next = 0;
        for (int code = 0; code < 256; code++) {
            final int rotated = ((code >>> 1) | (code << 7)) & 0xFF;
            final int transitions = Integer.bitCount(code ^ rotated);
            map[code] = (byte) (transitions <= 2 ? next++ : NON_UNIFORM_BIN);
        }
        if (next != NON_UNIFORM_BIN) {
            throw new AssertionError("expected 58 uniform patterns, found " + next);
        }
        return map;
    }
}
