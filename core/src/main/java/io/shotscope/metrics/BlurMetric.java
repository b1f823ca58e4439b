package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;

/**
 * Loss of sharpness (motion blur, defocus) by the no-reference re-blur measure of Crété-Roffet,
 * Dolmiere, Ladret and Nicolas (2007): a sharp image changes a lot when blurred again, a blurred one
 * hardly changes.
 *
 * <p>For each direction the luma F is re-blurred with a 9-tap box filter B along that direction. With
 * the neighbour differences D_F = |F(x) - F(x-1)| and D_B = |B(x) - B(x-1)| the variation lost by
 * re-blurring is V = max(0, D_F - D_B), and b = (ΣD_F - ΣV) / ΣD_F, which equals Σmin(D_F, D_B) / ΣD_F.
 * The raw blur is max(b_hor, b_ver) in [0, 1]. A 9-tap box average's neighbour difference is just the
 * difference of the two samples that enter and leave the window, D_B = |F(x+4) - F(x-5)| / 9, so the
 * re-blurred image is never materialised: one pass, no scratch buffers.
 *
 * <p>Only pixels whose own difference exceeds {@link #NOISE_FLOOR} are counted, so flat regions (sky,
 * a plain wall) and their sensor noise do not decide the result. When fewer than
 * {@link #MIN_STRUCTURE_SHARE} of the pixels carry structure the frame has nothing to be sharp or
 * blurred about and scores 0 (a constant frame, a plain wall).
 *
 * <p>Computed at the analysis size ({@code luma}, long side <= 960): the half-size pyramid level is
 * already box-blurred, which would compress the sharp/blurred range. The raw value is mapped linearly
 * from {@link #RAW_SHARP} (score 0) to {@link #RAW_BLURRED} (score 1) and clamped.
 */
public final class BlurMetric implements ComplexityMetric {
    /** Re-blur box filter length (taps), as in the paper. */
    static final int REBLUR_TAPS = 9;
    /** Offsets of the samples entering (+) and leaving (-) the 9-tap window between x-1 and x. */
    private static final int ENTER = REBLUR_TAPS / 2;          // 4
    private static final int LEAVE = REBLUR_TAPS / 2 + 1;      // 5
    /**
     * Only every ROW_STEP-th row is evaluated (both directions still use the full neighbourhood): the
     * measure is a ratio of frame-wide sums and a quarter million samples per 960x540 frame are plenty;
     * it halves the cost.
     */
    static final int ROW_STEP = 2;
    /** A neighbour difference must exceed this many grey levels to count (sensor/codec noise floor). */
    static final int NOISE_FLOOR = 2;
    /** Below this share of counted pixels in both directions the frame is flat: blur 0. */
    static final double MIN_STRUCTURE_SHARE = 0.002;
    /**
     * Raw re-blur value that scores 0: crisp, slightly noisy detail. Sharp real footage reads 0.22-0.35
     * (car-detection 0.22, bottle-detection 0.27, asl 0.35), i.e. scores ~0.1-0.25.
     */
    static final double RAW_SHARP = 0.15;
    /** Raw re-blur value that scores 1: bottle-detection blurred with Gaussian sigma 3 reads 0.80 (score ~0.87). */
    static final double RAW_BLURRED = 0.90;

    @Override
    public String key() {
        return "blur";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {score(rawBlur(frame.current().luma))};
    }

    /** Maps the raw re-blur value to [0, 1]. */
    static double score(double raw) {
        return Scores.clamp01((raw - RAW_SHARP) / (RAW_BLURRED - RAW_SHARP));
    }

    /** The Crété-Roffet blur value max(b_hor, b_ver) in [0, 1]; 0 for frames without structure. */
    static double rawBlur(LumaPlane plane) {
        final int w = plane.width;
        final int h = plane.height;
        final byte[] p = plane.pixels;
        // Sums are kept in units of 1/9 grey level so everything stays integer; per-row sums fit an int.
        long dfH = 0, minH = 0, nH = 0;
        long dfV = 0, minV = 0, nV = 0;
        int rows = 0;
        for (int y = LEAVE; y < h - ENTER; y += ROW_STEP) {
            rows++;
            final int row = y * w;
            final int up = row - w;
            final int enterRow = row + ENTER * w;
            final int leaveRow = row - LEAVE * w;
            int rdfH = 0, rminH = 0, rnH = 0;
            int rdfV = 0, rminV = 0, rnV = 0;
            for (int x = LEAVE; x < w - ENTER; x++) {
                final int i = row + x;
                final int c = p[i] & 0xFF;
                // horizontal: D_F = |F(x) - F(x-1)|, 9·D_B = |F(x+4) - F(x-5)|
                final int dF = Math.abs(c - (p[i - 1] & 0xFF));
                final int dB9 = Math.abs((p[i + ENTER] & 0xFF) - (p[i - LEAVE] & 0xFF));
                final int mH = (NOISE_FLOOR - dF) >>> 31;            // 1 when dF > NOISE_FLOOR
                final int dF9 = mH * REBLUR_TAPS * dF;               // 0 when below the floor
                rdfH += dF9;
                rminH += Math.min(dF9, dB9);
                rnH += mH;
                // vertical, the same along the column
                final int dFv = Math.abs(c - (p[up + x] & 0xFF));
                final int dB9v = Math.abs((p[enterRow + x] & 0xFF) - (p[leaveRow + x] & 0xFF));
                final int mV = (NOISE_FLOOR - dFv) >>> 31;
                final int dF9v = mV * REBLUR_TAPS * dFv;
                rdfV += dF9v;
                rminV += Math.min(dF9v, dB9v);
                rnV += mV;
            }
            dfH += rdfH;
            minH += rminH;
            nH += rnH;
            dfV += rdfV;
            minV += rminV;
            nV += rnV;
        }
        final long area = (long) (w - LEAVE - ENTER) * rows;
        if (area <= 0 || Math.max(nH, nV) < MIN_STRUCTURE_SHARE * area) {
            return 0;
        }
        final double bH = dfH > 0 ? (double) minH / dfH : 0;
        final double bV = dfV > 0 ? (double) minV / dfV : 0;
        return Math.max(bH, bV);
    }
}
