package io.shotscope.synth;

/** Image helpers on interleaved float RGB arrays (8-bit levels, 0..255, row-major). */
final class Pixels {
    private Pixels() {
    }

    /** Separable Gaussian blur in place; edges are clamped. */
    static void gaussianBlur(float[] rgb, int w, int h, double sigma) {
        if (sigma < 0.3) {
            return;
        }
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += k[i + r] = (float) StrictMath.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[] tmp = new float[rgb.length];
        convolve(rgb, tmp, w, h, k, r, true);
        convolve(tmp, rgb, w, h, k, r, false);
    }

    /** One pass of a separable kernel of radius {@code r}, along rows or along columns, edges clamped. */
    private static void convolve(float[] src, float[] dst, int w, int h, float[] k, int r, boolean alongRows) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float a = 0, b = 0, c = 0;
                for (int i = -r; i <= r; i++) {
                    int o = alongRows
                            ? 3 * (y * w + Math.min(w - 1, Math.max(0, x + i)))
                            : 3 * (Math.min(h - 1, Math.max(0, y + i)) * w + x);
                    float kk = k[i + r];
                    a += kk * src[o];
                    b += kk * src[o + 1];
                    c += kk * src[o + 2];
                }
                int o = 3 * (y * w + x);
                dst[o] = a;
                dst[o + 1] = b;
                dst[o + 2] = c;
            }
        }
    }

    /**
     * Bilinear resample of a {@code sw x sh} RGB source at {@code (x, y)} (pixel centres at
     * integer + 0.5), adding {@code weight} times the sample to {@code dst[d..d+2]}. Clamps at the edges.
     */
    static void addBilinear(float[] src, int sw, int sh, double x, double y, float weight, float[] dst, int d) {
        double fx = Math.min(sw - 1.0, Math.max(0, x - 0.5));
        double fy = Math.min(sh - 1.0, Math.max(0, y - 0.5));
        int x0 = Math.min(sw - 2, (int) fx);
        int y0 = Math.min(sh - 2, (int) fy);
        float ax = (float) (fx - x0);
        float ay = (float) (fy - y0);
        int o00 = 3 * (y0 * sw + x0);
        int o10 = o00 + 3;
        int o01 = o00 + 3 * sw;
        int o11 = o01 + 3;
        float w00 = (1 - ax) * (1 - ay) * weight;
        float w10 = ax * (1 - ay) * weight;
        float w01 = (1 - ax) * ay * weight;
        float w11 = ax * ay * weight;
        for (int c = 0; c < 3; c++) {
            dst[d + c] += w00 * src[o00 + c] + w10 * src[o10 + c] + w01 * src[o01 + c] + w11 * src[o11 + c];
        }
    }

    /**
     * Smooth random field in [-1, 1]: random values on a grid {@code cell} pixels apart,
     * interpolated with a smoothstep. Cheap texture for backgrounds and sprites.
     */
    static float[] valueNoise(int w, int h, double cell, java.util.SplittableRandom rng) {
        int gw = (int) Math.ceil(w / cell) + 2;
        int gh = (int) Math.ceil(h / cell) + 2;
        float[] grid = new float[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) rng.nextDouble(-1, 1);
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double gy = y / cell;
            int iy = (int) gy;
            float ty = smooth((float) (gy - iy));
            for (int x = 0; x < w; x++) {
                double gx = x / cell;
                int ix = (int) gx;
                float tx = smooth((float) (gx - ix));
                float top = grid[iy * gw + ix] * (1 - tx) + grid[iy * gw + ix + 1] * tx;
                float bottom = grid[(iy + 1) * gw + ix] * (1 - tx) + grid[(iy + 1) * gw + ix + 1] * tx;
                out[y * w + x] = top * (1 - ty) + bottom * ty;
            }
        }
        return out;
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }

    /**
     * Coverage of a soft-edged ellipse ({@code rect = false}) or rounded rectangle at pixel
     * {@code (x, y)}, for a shape centred at {@code (cx, cy)} with half sizes {@code (rx, ry)}:
     * 1 inside, 0 outside, a ramp {@code soft} pixels wide across the edge.
     */
    static float coverage(double x, double y, double cx, double cy, double rx, double ry, boolean rect, double soft) {
        double dx = Math.abs(x - cx);
        double dy = Math.abs(y - cy);
        double inside;
        if (rect) {
            double round = 0.3 * Math.min(rx, ry);
            double qx = Math.max(0, dx - (rx - round));
            double qy = Math.max(0, dy - (ry - round));
            inside = round - Math.sqrt(qx * qx + qy * qy); // distance to the edge, px (positive inside)
        } else {
            double n = Math.sqrt((dx / rx) * (dx / rx) + (dy / ry) * (dy / ry));
            inside = (1 - n) * Math.min(rx, ry);
        }
        return (float) Math.min(1, Math.max(0, inside / soft + 0.5));
    }
}
