package io.shotscope.metrics;

import io.shotscope.testsupport.GrayClip;
import java.util.Random;

/**
 * Camera and object motion applied to in-memory clips, for metamorphic tests of the motion
 * metrics: every frame is resampled (bilinear, reads clamped at the edges) from the original.
 */
final class MotionTransforms {
    private MotionTransforms() {
    }

    /** A camera pan: frame i shows the original moved by (i * dx, i * dy) pixels. */
    static GrayClip pan(GrayClip clip, double dxPerFrame, double dyPerFrame) {
        return clip.map((i, pixels, w, h) -> shift(pixels, w, h, i * dxPerFrame, i * dyPerFrame));
    }

    /** Camera shake: each frame moved by an independent uniform offset in [-amplitude, amplitude]. */
    static GrayClip shake(GrayClip clip, double amplitude, long seed) {
        Random random = new Random(seed);
        int n = clip.frames().size();
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            dx[i] = (2 * random.nextDouble() - 1) * amplitude;
            dy[i] = (2 * random.nextDouble() - 1) * amplitude;
        }
        return clip.map((i, pixels, w, h) -> shift(pixels, w, h, dx[i], dy[i]));
    }

    /** A zoom in about the centre: frame i is the original scaled by {@code factorPerFrame^i}. */
    static GrayClip zoom(GrayClip clip, double factorPerFrame) {
        return clip.map((i, pixels, w, h) -> scale(pixels, w, h, Math.pow(factorPerFrame, i)));
    }

    /**
     * A textured square (random 4x4-pixel cells, fixed seed) crossing the frame: in frame i its
     * top-left corner is at (x0 + i * dx, y0), pasted over the original.
     */
    static GrayClip pasteObject(GrayClip clip, int size, int x0, int y0, int dxPerFrame, long seed) {
        return pasteObject(clip, size, size, x0, y0, dxPerFrame, seed);
    }

    /** As {@link #pasteObject(GrayClip, int, int, int, int, long)}, a rectangle {@code width x height}. */
    static GrayClip pasteObject(GrayClip clip, int width, int height, int x0, int y0, int dxPerFrame, long seed) {
        byte[] patch = new byte[width * height];
        Random random = new Random(seed);
        int columns = (width + 3) / 4;
        int[] levels = new int[columns * ((height + 3) / 4)];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = 20 + random.nextInt(216);
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                patch[y * width + x] = (byte) levels[(y / 4) * columns + x / 4];
            }
        }
        return clip.map((i, pixels, w, h) -> {
            int left = x0 + i * dxPerFrame;
            for (int y = 0; y < height; y++) {
                int ty = y0 + y;
                if (ty < 0 || ty >= h) {
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    int tx = left + x;
                    if (tx >= 0 && tx < w) {
                        pixels[ty * w + tx] = patch[y * width + x];
                    }
                }
            }
            return pixels;
        });
    }

    /** The image moved by (dx, dy): out(x, y) = in(x - dx, y - dy). */
    static byte[] shift(byte[] in, int w, int h, double dx, double dy) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) Math.round(bilinear(in, w, h, x - dx, y - dy));
            }
        }
        return out;
    }

    /** The image scaled by {@code factor} about its centre: out(p) = in(c + (p - c) / factor). */
    static byte[] scale(byte[] in, int w, int h, double factor) {
        byte[] out = new byte[w * h];
        double cx = w / 2.0;
        double cy = h / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // pixel centres at +0.5 so the scaling is about the true image centre
                double sx = cx + (x + 0.5 - cx) / factor - 0.5;
                double sy = cy + (y + 0.5 - cy) / factor - 0.5;
                out[y * w + x] = (byte) Math.round(bilinear(in, w, h, sx, sy));
            }
        }
        return out;
    }

    /** Bilinear sample with coordinates clamped to the image. */
    static double bilinear(byte[] in, int w, int h, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = Math.min((int) x, w - 2);
        int y0 = Math.min((int) y, h - 2);
        double fx = x - x0;
        double fy = y - y0;
        int r0 = y0 * w;
        int r1 = r0 + w;
        double top = (in[r0 + x0] & 0xFF) * (1 - fx) + (in[r0 + x0 + 1] & 0xFF) * fx;
        double bottom = (in[r1 + x0] & 0xFF) * (1 - fx) + (in[r1 + x0 + 1] & 0xFF) * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
