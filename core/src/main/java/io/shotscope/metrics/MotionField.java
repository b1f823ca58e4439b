package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;
import java.util.Arrays;

/**
 * Block motion from the previous frame to the current one, its global (camera) fit, and how well
 * motion compensation predicts the current frame.
 *
 * <p>Hierarchical block matching on the frame pyramid (see docs/metrics-motion.md):
 * <ol>
 *   <li>quarter planes: 8x8 blocks (32x32 analysis pixels), full search over +/-{@value #SEARCH}
 *   quarter pixels (+/-24 analysis pixels) minimising {@code SAD + LAMBDA*(|dx|+|dy|)}, zero
 *   motion tried first so flat blocks and ties settle on zero, then the left and upper neighbours'
 *   vectors so early termination bites; the global brightness offset (mean difference of the
 *   frames) is removed before differencing, so a lighting change does not move blocks;</li>
 *   <li>half planes: the doubled vector is refined by +/-1 half pixel (16x16 blocks), then to
 *   sub-pixel precision by one Lucas-Kanade (gradient) step;</li>
 *   <li>each block's bilinear motion-compensated mean absolute error (MAE) on the half plane;</li>
 *   <li>a least-squares similarity fit ({@link GlobalMotion}) over textured blocks, started from the
 *   median vector and refitted {@value #FIT_ITERATIONS} times after dropping blocks whose residual
 *   exceeds 2.5x the median residual (at least 0.5 px);</li>
 *   <li>a vote between that fit and a still camera: every block votes for the hypothesis that
 *   predicts it clearly better; the fit needs {@value #STILL_PRIOR}x the still camera's votes, so a
 *   moving object that carries most of the texture does not become a camera move;</li>
 *   <li>per-block residual {@code |vector - global motion|}, kept only where the block's own vector
 *   predicts it clearly better (MAE under global compensation > 1.25x local MAE + 1 grey level):
 *   a vector that differs from the camera but explains the pixels no better is estimation noise
 *   (aliasing between pyramid phases, aperture), not an object moving.</li>
 * </ol>
 * Vectors are current-minus-previous positions in analysis pixels. Reads outside the previous
 * plane are clamped to its edge, so border blocks can follow motion into the frame. A block is
 * "textured" (its vector trusted) when the RMS gradient along its weakest direction (smaller
 * structure-tensor eigenvalue) is at least {@value #TEXTURE_FLOOR} on the quarter plane and at
 * least max({@value #HALF_TEXTURE_FLOOR}, its MAE) on the half plane at the match: flat blocks,
 * straight edges and grain-only blocks give unreliable vectors, so they are left out of the fit
 * and have no residual. No per-block objects; per frame it allocates only arrays of the block
 * count.
 */
public final class MotionField {
    /** Block side on the quarter plane. */
    static final int QUARTER_BLOCK = 8;
    /** Largest sub-pixel correction, half pixels (the integer search is within +/-0.5 when right). */
    static final double MAX_SUBPIXEL = 0.75;
    /** Block side in analysis pixels. */
    public static final int BLOCK = 4 * QUARTER_BLOCK;
    /** Full-search range on the quarter plane, quarter pixels. */
    static final int SEARCH = 6;
    /** Minimum RMS gradient along the weakest direction on the half plane at the match. */
    static final double HALF_TEXTURE_FLOOR = 1.0;
    /** ...which must also be at least this many times the block's compensated MAE. */
    static final double RELIABILITY = 1.0;
    /** Zero-motion bias: SAD units (over 64 quarter pixels) per quarter pixel of |dx| + |dy|. */
    static final int LAMBDA = 4;
    /** Minimum RMS gradient along the weakest direction on the quarter plane for a textured block. */
    static final double TEXTURE_FLOOR = 1.0;
    /** Grey levels by which one camera hypothesis must predict a block better to get its vote. */
    static final double VOTE_MARGIN = 0.25;
    /** A moving camera needs this many times the still camera's votes (locked-off is the default). */
    static final double STILL_PRIOR = 1.5;
    /** Rounds of outlier rejection and least-squares refit, starting from the median vector. */
    static final int FIT_ITERATIONS = 3;
    /** Outlier rejection: residual above this many medians is dropped from the refit. */
    static final double OUTLIER_MEDIANS = 2.5;
    /** Outlier rejection never drops residuals under this, analysis pixels. */
    static final double OUTLIER_FLOOR_PX = 0.5;
    /** A residual counts only if the global motion's MAE exceeds this many times the local one... */
    static final double SUPPORT_RATIO = 1.25;
    /** ...plus this many grey levels. */
    static final double SUPPORT_MARGIN = 1.0;
    /** Base poorly-predicted threshold on the compensated MAE, grey levels. */
    static final double OCCLUSION_BASE = 8;
    /** Noise gain of the poorly-predicted threshold (times the 20th percentile block MAE). */
    static final double OCCLUSION_NOISE_GAIN = 1.5;

    private final int width;
    private final int height;
    private final int blocksX;
    private final int blocksY;
    private final float[] vx;
    private final float[] vy;
    private final float[] mae;
    private final float[] residual;
    private final boolean[] textured;
    private final GlobalMotion global;
    private final double brightnessOffset;
    private final double noiseMae;
    private final double poorThreshold;
    private final double poorlyPredictedShare;

    private MotionField(int width, int height, int blocksX, int blocksY, float[] vx, float[] vy, float[] mae,
                        float[] residual, boolean[] textured, GlobalMotion global, double brightnessOffset,
                        double noiseMae, double poorThreshold, double poorlyPredictedShare) {
        this.width = width;
        this.height = height;
        this.blocksX = blocksX;
        this.blocksY = blocksY;
        this.vx = vx;
        this.vy = vy;
        this.mae = mae;
        this.residual = residual;
        this.textured = textured;
        this.global = global;
        this.brightnessOffset = brightnessOffset;
        this.noiseMae = noiseMae;
        this.poorThreshold = poorThreshold;
        this.poorlyPredictedShare = poorlyPredictedShare;
    }

    /** Analysis width in pixels. */
    public int width() {
        return width;
    }

    /** Analysis height in pixels. */
    public int height() {
        return height;
    }

    public int blocksX() {
        return blocksX;
    }

    public int blocksY() {
        return blocksY;
    }

    public int blockCount() {
        return blocksX * blocksY;
    }

    /** Horizontal vector of block i (row-major), analysis pixels, current minus previous position. */
    public double vx(int i) {
        return vx[i];
    }

    /** Vertical vector of block i, analysis pixels. */
    public double vy(int i) {
        return vy[i];
    }

    /** Whether block i has enough texture in both directions for its vector to mean something. */
    public boolean textured(int i) {
        return textured[i];
    }

    /** Motion-compensated mean absolute error of block i (half plane, brightness offset removed). */
    public double mae(int i) {
        return mae[i];
    }

    /**
     * |vector - global motion| of block i in analysis pixels; 0 for untextured blocks and for blocks
     * the global motion predicts about as well as their own vector.
     */
    public double residual(int i) {
        return residual[i];
    }

    /** Mean of {@code max(0, residual - deadZone)} over all blocks, analysis pixels per frame step. */
    public double meanResidual(double deadZone) {
        if (residual.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float r : residual) {
            if (r > deadZone) {
                sum += r - deadZone;
            }
        }
        return sum / residual.length;
    }

    public GlobalMotion global() {
        return global;
    }

    /** Mean luma of the current frame minus the previous one (quarter planes), grey levels. */
    public double brightnessOffset() {
        return brightnessOffset;
    }

    /** Noise level of motion compensation: 20th percentile of the block MAEs, grey levels. */
    public double noiseMae() {
        return noiseMae;
    }

    /** The MAE above which a block counts as poorly predicted: 8 + 1.5 * {@link #noiseMae()}. */
    public double poorThreshold() {
        return poorThreshold;
    }

    /** Share of the blocked area (all blocks are the same size) whose MAE is above {@link #poorThreshold()}. */
    public double poorlyPredictedShare() {
        return poorlyPredictedShare;
    }

    /** Estimates the motion from {@code previous} to {@code current} (same analysis size). */
    public static MotionField estimate(AnalysisFrame previous, AnalysisFrame current) {
        LumaPlane cq = current.quarter;
        LumaPlane pq = previous.quarter;
        LumaPlane ch = current.half;
        LumaPlane ph = previous.half;
        if (cq.width != pq.width || cq.height != pq.height) {
            throw new IllegalArgumentException("frames differ in size");
        }
        int width = current.luma.width;
        int height = current.luma.height;
        int qw = cq.width;
        int qh = cq.height;
        int nbx = qw / QUARTER_BLOCK;
        int nby = qh / QUARTER_BLOCK;
        int n = nbx * nby;
        float[] vx = new float[n];
        float[] vy = new float[n];
        float[] mae = new float[n];
        float[] residual = new float[n];
        boolean[] textured = new boolean[n];
        double offset = mean(cq.pixels) - mean(pq.pixels);
        if (n == 0) {
            return new MotionField(width, height, nbx, nby, vx, vy, mae, residual, textured, GlobalMotion.NONE,
                    offset, 0, OCCLUSION_BASE, 0);
        }
        int dc = (int) Math.round(offset);
        byte[] cqp = cq.pixels;
        byte[] pqp = pq.pixels;
        byte[] chp = ch.pixels;
        byte[] php = ph.pixels;
        int hw = ch.width;
        int hh = ch.height;
        int hb = 2 * QUARTER_BLOCK;
        double[] step = new double[3];
        int[] qdx = new int[n];
        int[] qdy = new int[n];

        for (int by = 0; by < nby; by++) {
            for (int bx = 0; bx < nbx; bx++) {
                int i = by * nbx + bx;
                int x0 = bx * QUARTER_BLOCK;
                int y0 = by * QUARTER_BLOCK;
                int cOff = y0 * qw + x0;
                textured[i] = isTextured(cqp, cOff, qw);

                // 1. full search on the quarter plane: zero first so ties keep zero motion, then the
                //    left and upper neighbours' vectors so early termination bites during the scan.
                int bestDx = 0;
                int bestDy = 0;
                int bestCost = quarterSad(cqp, cOff, pqp, qw, qh, x0, y0, 0, 0, dc, Integer.MAX_VALUE);
                for (int k = 0; k < 2; k++) {
                    int j = k == 0 ? (bx > 0 ? i - 1 : -1) : (by > 0 ? i - nbx : -1);
                    if (j < 0 || (qdx[j] == bestDx && qdy[j] == bestDy)) {
                        continue;
                    }
                    int penalty = LAMBDA * (Math.abs(qdx[j]) + Math.abs(qdy[j]));
                    if (penalty < bestCost) {
                        int s = quarterSad(cqp, cOff, pqp, qw, qh, x0, y0, qdx[j], qdy[j], dc, bestCost - penalty);
                        if (s + penalty < bestCost) {
                            bestCost = s + penalty;
                            bestDx = qdx[j];
                            bestDy = qdy[j];
                        }
                    }
                }
                int firstDx = bestDx;
                int firstDy = bestDy;
                for (int dy = -SEARCH; dy <= SEARCH; dy++) {
                    for (int dx = -SEARCH; dx <= SEARCH; dx++) {
                        int penalty = LAMBDA * (Math.abs(dx) + Math.abs(dy));
                        if (penalty >= bestCost || (dx == 0 && dy == 0) || (dx == firstDx && dy == firstDy)) {
                            continue;
                        }
                        int s = quarterSad(cqp, cOff, pqp, qw, qh, x0, y0, dx, dy, dc, bestCost - penalty);
                        if (s + penalty < bestCost) {
                            bestCost = s + penalty;
                            bestDx = dx;
                            bestDy = dy;
                        }
                    }
                }
                qdx[i] = bestDx;
                qdy[i] = bestDy;

                // 2. refine on the half plane: +/-1 around the doubled vector, then sub-pixel.
                int hx0 = 2 * x0;
                int hy0 = 2 * y0;
                int hOff = hy0 * hw + hx0;
                int cx = 2 * bestDx;
                int cy = 2 * bestDy;
                int best = blockSad(chp, hOff, php, hw, hh, hx0 - cx, hy0 - cy, hb, dc, Integer.MAX_VALUE);
                int ox = 0;
                int oy = 0;
                for (int ddy = -1; ddy <= 1; ddy++) {
                    for (int ddx = -1; ddx <= 1; ddx++) {
                        if (ddx == 0 && ddy == 0) {
                            continue;
                        }
                        int s = blockSad(chp, hOff, php, hw, hh, hx0 - cx - ddx, hy0 - cy - ddy, hb, dc, best);
                        if (s < best) {
                            best = s;
                            ox = ddx;
                            oy = ddy;
                        }
                    }
                }
                int ivx = cx + ox;
                int ivy = cy + oy;
                subPixelStep(chp, php, hw, hh, hx0, hy0, hb, ivx, ivy, offset, step);
                double hvx = ivx + step[0];
                double hvy = ivy + step[1];
                vx[i] = (float) (2 * hvx);
                vy[i] = (float) (2 * hvy);

                // 3. bilinear motion-compensated error on the half plane.
                mae[i] = (float) compensatedMae(chp, php, hw, hh, hx0, hy0, hb, hvx, hvy, offset);
                // reliable only if the weakest-direction gradient at the match stands clear of the
                // matching error: grain-only and edge-only blocks fail
                textured[i] = textured[i] && step[2] >= Math.max(HALF_TEXTURE_FLOOR, RELIABILITY * mae[i]);
            }
        }

        GlobalMotion global = fitGlobal(vx, vy, textured, nbx, nby, width, height, residual);
        global = preferStill(global, chp, php, hw, hh, nbx, nby, width, height, offset, vx, vy, textured, residual);

        // 4. a residual counts only where the local vector predicts the block clearly better than
        //    the global motion does; otherwise it is estimation noise (aliasing, aperture) and is 0.
        for (int i = 0; i < n; i++) {
            if (residual[i] > 0) {
                int bx = i % nbx;
                int by = i / nbx;
                double x = bx * BLOCK + BLOCK / 2.0 - width / 2.0 - vx[i];
                double y = by * BLOCK + BLOCK / 2.0 - height / 2.0 - vy[i];
                double globalMae = compensatedMae(chp, php, hw, hh, 2 * bx * QUARTER_BLOCK, 2 * by * QUARTER_BLOCK, hb,
                        global.u(x, y) / 2, global.v(x, y) / 2, offset);
                if (globalMae <= SUPPORT_RATIO * mae[i] + SUPPORT_MARGIN) {
                    residual[i] = 0;
                }
            }
        }

        float[] sorted = mae.clone();
        Arrays.sort(sorted);
        double noise = sorted[(int) (0.2 * (n - 1))];
        double threshold = OCCLUSION_BASE + OCCLUSION_NOISE_GAIN * noise;
        int poor = 0;
        for (float m : mae) {
            if (m > threshold) {
                poor++;
            }
        }
        return new MotionField(width, height, nbx, nby, vx, vy, mae, residual, textured, global, offset, noise,
                threshold, poor / (double) n);
    }

    private static double mean(byte[] pixels) {
        long sum = 0;
        for (byte p : pixels) {
            sum += p & 0xFF;
        }
        return pixels.length == 0 ? 0 : sum / (double) pixels.length;
    }

    /**
     * Whether the block's gradient is strong in every direction: the smaller eigenvalue of the
     * structure tensor (sums of gx^2, gy^2, gx*gy over the block), as an RMS gradient, is at least
     * {@link #TEXTURE_FLOOR}. A straight edge fails (no gradient along it), so blocks with the
     * aperture problem are not textured.
     */
    private static boolean isTextured(byte[] p, int off, int stride) {
        long sxx = 0;
        long syy = 0;
        long sxy = 0;
        for (int y = 0; y < QUARTER_BLOCK - 1; y++) {
            int row = off + y * stride;
            for (int x = 0; x < QUARTER_BLOCK - 1; x++) {
                int c = p[row + x] & 0xFF;
                int gx = (p[row + x + 1] & 0xFF) - c;
                int gy = (p[row + stride + x] & 0xFF) - c;
                sxx += gx * gx;
                syy += gy * gy;
                sxy += gx * gy;
            }
        }
        double count = (QUARTER_BLOCK - 1) * (QUARTER_BLOCK - 1);
        double mean = (sxx + syy) / 2.0;
        double half = (sxx - syy) / 2.0;
        double minEigen = mean - Math.sqrt(half * half + (double) sxy * sxy);
        return minEigen / count >= TEXTURE_FLOOR * TEXTURE_FLOOR;
    }

    /** Sum of |a - b - dc| over a size x size block; stops early (returning >= limit) past {@code limit}. */
    private static int sad(byte[] a, int aOff, byte[] b, int bOff, int stride, int size, int dc, int limit) {
        int sum = 0;
        for (int y = 0; y < size; y++) {
            int ra = aOff + y * stride;
            int rb = bOff + y * stride;
            for (int x = 0; x < size; x++) {
                sum += Math.abs((a[ra + x] & 0xFF) - (b[rb + x] & 0xFF) - dc);
            }
            if (sum >= limit) {
                return sum;
            }
        }
        return sum;
    }

    /** SAD of the quarter-plane block at (x0, y0) against the previous plane displaced by -(dx, dy). */
    private static int quarterSad(byte[] cur, int cOff, byte[] prev, int w, int h, int x0, int y0, int dx, int dy,
                                  int dc, int limit) {
        return blockSad(cur, cOff, prev, w, h, x0 - dx, y0 - dy, QUARTER_BLOCK, dc, limit);
    }

    /** SAD against the previous plane's block at (px, py), reads clamped to the plane where it sticks out. */
    private static int blockSad(byte[] cur, int cOff, byte[] prev, int w, int h, int px, int py, int size, int dc,
                                int limit) {
        if (px >= 0 && py >= 0 && px + size <= w && py + size <= h) {
            return sad(cur, cOff, prev, py * w + px, w, size, dc, limit);
        }
        int sum = 0;
        for (int y = 0; y < size; y++) {
            int ra = cOff + y * w;
            int rb = clamp(py + y, h - 1) * w;
            for (int x = 0; x < size; x++) {
                sum += Math.abs((cur[ra + x] & 0xFF) - (prev[rb + clamp(px + x, w - 1)] & 0xFF) - dc);
            }
            if (sum >= limit) {
                return sum;
            }
        }
        return sum;
    }

    /**
     * One Lucas-Kanade step from the integer vector (ivx, ivy): with e = cur - prev(p - v) - offset
     * and g the gradient of prev there, e ~ -g.d, so d = -(sum g g^T)^-1 sum g e. Writes d (half
     * pixels, each component clamped to +/-{@value #MAX_SUBPIXEL}) into {@code out[0..1]}, zero when
     * the block's gradients do not determine it, and the RMS gradient along the weakest direction
     * (grey levels per half pixel) into {@code out[2]}.
     */
    private static void subPixelStep(byte[] cur, byte[] prev, int w, int h, int x0, int y0, int size, int ivx,
                                     int ivy, double offset, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        int px0 = x0 - ivx;
        int py0 = y0 - ivy;
        long gxx = 0;
        long gyy = 0;
        long gxy = 0;
        double bx = 0;
        double by = 0;
        for (int y = 0; y < size; y++) {
            int crow = (y0 + y) * w + x0;
            int py = clamp(py0 + y, h - 1);
            int up = clamp(py0 + y - 1, h - 1) * w;
            int down = clamp(py0 + y + 1, h - 1) * w;
            int row = py * w;
            for (int x = 0; x < size; x++) {
                int px = clamp(px0 + x, w - 1);
                int gx = (prev[row + clamp(px0 + x + 1, w - 1)] & 0xFF) - (prev[row + clamp(px0 + x - 1, w - 1)] & 0xFF);
                int gy = (prev[down + px] & 0xFF) - (prev[up + px] & 0xFF);
                double e = (cur[crow + x] & 0xFF) - (prev[row + px] & 0xFF) - offset;
                gxx += gx * gx;
                gyy += gy * gy;
                gxy += gx * gy;
                bx += gx * e;
                by += gy * e;
            }
        }
        // central differences are twice the gradient: d = -2 * G^-1 b with G from the doubled values
        double det = (double) gxx * gyy - (double) gxy * gxy;
        double mean = (gxx + gyy) / 2.0;
        double half = (gxx - gyy) / 2.0;
        double minEigen = Math.max(0, mean - Math.sqrt(half * half + (double) gxy * gxy));
        out[2] = Math.sqrt(minEigen / (size * size)) / 2;
        if (det <= 1e-6 * ((double) gxx + gyy) * ((double) gxx + gyy) || det <= 0) {
            return;
        }
        double dx = -2 * (gyy * bx - gxy * by) / det;
        double dy = -2 * (gxx * by - gxy * bx) / det;
        out[0] = Math.max(-MAX_SUBPIXEL, Math.min(MAX_SUBPIXEL, dx));
        out[1] = Math.max(-MAX_SUBPIXEL, Math.min(MAX_SUBPIXEL, dy));
    }

    /**
     * Mean |cur - bilinear(prev at pos - v) - offset| over the block, reads clamped to the plane;
     * fixed point with the sub-pixel position quantised to 1/16 pixel.
     */
    private static double compensatedMae(byte[] cur, byte[] prev, int w, int h, int x0, int y0, int size,
                                         double dx, double dy, double offset) {
        int sx = (int) Math.round((x0 - dx) * 16);
        int sy = (int) Math.round((y0 - dy) * 16);
        int ix = sx >> 4;
        int iy = sy >> 4;
        int fx = sx & 15;
        int fy = sy & 15;
        int w00 = (16 - fx) * (16 - fy);
        int w10 = fx * (16 - fy);
        int w01 = (16 - fx) * fy;
        int w11 = fx * fy;
        int off = (int) Math.round(offset * 256);
        long sum = 0;
        boolean inside = ix >= 0 && iy >= 0 && ix + size < w && iy + size < h;
        for (int y = 0; y < size; y++) {
            int crow = (y0 + y) * w + x0;
            int ya = iy + y;
            int yb = ya + 1;
            if (!inside) {
                ya = clamp(ya, h - 1);
                yb = clamp(yb, h - 1);
            }
            int ra = ya * w;
            int rb = yb * w;
            for (int x = 0; x < size; x++) {
                int xa = ix + x;
                int xb = xa + 1;
                if (!inside) {
                    xa = clamp(xa, w - 1);
                    xb = clamp(xb, w - 1);
                }
                int p = w00 * (prev[ra + xa] & 0xFF) + w10 * (prev[ra + xb] & 0xFF)
                        + w01 * (prev[rb + xa] & 0xFF) + w11 * (prev[rb + xb] & 0xFF);
                sum += Math.abs(((cur[crow + x] & 0xFF) << 8) - p - off);
            }
        }
        return sum / (256.0 * size * size);
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : v > max ? max : v;
    }

    /**
     * Robust similarity fit over textured blocks; writes each block's residual (0 for untextured).
     * Positions are where the block came from in the previous frame, relative to the frame centre,
     * so {@code 1 + a} is exactly the scale ratio of a zoom about the centre.
     */
    private static GlobalMotion fitGlobal(float[] vx, float[] vy, boolean[] textured, int nbx, int nby,
                                          int width, int height, float[] residual) {
        int n = vx.length;
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] use = new boolean[n];
        int count = 0;
        for (int by = 0; by < nby; by++) {
            for (int bx = 0; bx < nbx; bx++) {
                int i = by * nbx + bx;
                x[i] = bx * BLOCK + BLOCK / 2.0 - width / 2.0 - vx[i];
                y[i] = by * BLOCK + BLOCK / 2.0 - height / 2.0 - vy[i];
                use[i] = textured[i];
                if (use[i]) {
                    count++;
                }
            }
        }
        if (count == 0) {
            return GlobalMotion.NONE;
        }
        // start from the median vector (robust to up to half the blocks moving on their own), then
        // least squares over the blocks near the current model, three times
        double[] tmp = new double[n];
        double[] p = {median(vx, textured, tmp), median(vy, textured, tmp), 0, 0};
        double[] r = new double[n];
        for (int iter = 0; iter < FIT_ITERATIONS; iter++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (textured[i]) {
                    r[i] = Math.hypot(vx[i] - (p[0] + p[2] * x[i] - p[3] * y[i]),
                            vy[i] - (p[1] + p[3] * x[i] + p[2] * y[i]));
                    tmp[m++] = r[i];
                }
            }
            Arrays.sort(tmp, 0, m);
            double median = tmp[m / 2];
            double cut = Math.max(OUTLIER_MEDIANS * median, OUTLIER_FLOOR_PX);
            for (int i = 0; i < n; i++) {
                use[i] = textured[i] && r[i] <= cut;
            }
            p = solve(x, y, vx, vy, use);
        }
        int inliers = 0;
        for (int i = 0; i < n; i++) {
            if (use[i]) {
                inliers++;
            }
            residual[i] = textured[i]
                    ? (float) Math.hypot(vx[i] - (p[0] + p[2] * x[i] - p[3] * y[i]),
                            vy[i] - (p[1] + p[3] * x[i] + p[2] * y[i]))
                    : 0f;
        }
        return new GlobalMotion(p[0], p[1], p[2], p[3], inliers, true);
    }

    /**
     * Model selection between the fitted camera motion and a still camera: every block (textured
     * or not) votes for whichever predicts it with clearly lower bilinear MAE on the half plane
     * (difference over {@value #VOTE_MARGIN} grey levels plus 10%); the fit is kept only with more
     * than {@value #STILL_PRIOR} times the still camera's votes. When the textured blocks are
     * mostly one moving object over a plain background (a car on asphalt), the fit follows the
     * object, but the background, even faintly textured, still votes for a still camera. A fit that
     * moves nothing by more than half a pixel is kept without a vote.
     */
    private static GlobalMotion preferStill(GlobalMotion fit, byte[] cur, byte[] prev, int hw, int hh, int nbx,
                                            int nby, int width, int height, double offset, float[] vx, float[] vy,
                                            boolean[] textured, float[] residual) {
        double halfDiagonal = 0.5 * Math.hypot(width, height);
        if (!fit.valid() || fit.translation() + (Math.abs(fit.a()) + Math.abs(fit.b())) * halfDiagonal < 0.5) {
            return fit;
        }
        int hb = 2 * QUARTER_BLOCK;
        int forFit = 0;
        int forStill = 0;
        for (int by = 0; by < nby; by++) {
            for (int bx = 0; bx < nbx; bx++) {
                double x = bx * BLOCK + BLOCK / 2.0 - width / 2.0;
                double y = by * BLOCK + BLOCK / 2.0 - height / 2.0;
                int hx0 = 2 * bx * QUARTER_BLOCK;
                int hy0 = 2 * by * QUARTER_BLOCK;
                double moving = compensatedMae(cur, prev, hw, hh, hx0, hy0, hb, fit.u(x, y) / 2, fit.v(x, y) / 2,
                        offset);
                double still = compensatedMae(cur, prev, hw, hh, hx0, hy0, hb, 0, 0, offset);
                double margin = VOTE_MARGIN + 0.1 * Math.min(moving, still);
                if (still + margin < moving) {
                    forStill++;
                } else if (moving + margin < still) {
                    forFit++;
                }
            }
        }
        if (forFit > STILL_PRIOR * forStill) {
            return fit;
        }
        for (int i = 0; i < residual.length; i++) {
            residual[i] = textured[i] ? (float) Math.hypot(vx[i], vy[i]) : 0f;
        }
        return new GlobalMotion(0, 0, 0, 0, forStill, true);
    }

    private static double median(float[] values, boolean[] use, double[] scratch) {
        int m = 0;
        for (int i = 0; i < values.length; i++) {
            if (use[i]) {
                scratch[m++] = values[i];
            }
        }
        Arrays.sort(scratch, 0, m);
        return m % 2 == 1 ? scratch[m / 2] : 0.5 * (scratch[m / 2 - 1] + scratch[m / 2]);
    }

    /**
     * Least squares for (tx, ty, a, b) over the used blocks; translation only (mean vector) when the
     * blocks are too few or too clustered for scale and rotation to be determined.
     */
    private static double[] solve(double[] x, double[] y, float[] u, float[] v, boolean[] use) {
        double[][] m = new double[4][5];
        int count = 0;
        double su = 0;
        double sv = 0;
        for (int i = 0; i < x.length; i++) {
            if (!use[i]) {
                continue;
            }
            count++;
            su += u[i];
            sv += v[i];
            // rows: u = tx + a x - b y ; v = ty + a y + b x
            accumulate(m, 1, 0, x[i], -y[i], u[i]);
            accumulate(m, 0, 1, y[i], x[i], v[i]);
        }
        if (count == 0) {
            return new double[4];
        }
        double[] translation = {su / count, sv / count, 0, 0};
        if (count < 6) {
            return translation;
        }
        double[] p = gauss(m);
        return p == null ? translation : p;
    }

    private static void accumulate(double[][] m, double c0, double c1, double c2, double c3, double rhs) {
        double[] row = {c0, c1, c2, c3};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                m[r][c] += row[r] * row[c];
            }
            m[r][4] += row[r] * rhs;
        }
    }

    /** Solves the 4x4 augmented system by elimination with partial pivoting; null when singular. */
    private static double[] gauss(double[][] m) {
        double scale = 0;
        for (int r = 0; r < 4; r++) {
            scale = Math.max(scale, Math.abs(m[r][r]));
        }
        for (int col = 0; col < 4; col++) {
            int pivot = col;
            for (int r = col + 1; r < 4; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) <= 1e-9 * scale) {
                return null;
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < 4; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < 5; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] p = new double[4];
        for (int r = 3; r >= 0; r--) {
            double s = m[r][4];
            for (int c = r + 1; c < 4; c++) {
                s -= m[r][c] * p[c];
            }
            p[r] = s / m[r][r];
        }
        return p;
    }
}
