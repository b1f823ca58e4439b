package io.shotscope.metrics;

import io.shotscope.testsupport.GrayClip;
import java.util.Random;

/**
 * Image operations for metamorphic tests on real footage: Gaussian blur, added Gaussian noise and a
 * brightness offset. Each has a static form on one frame and a {@link GrayClip.FrameTransform} form
 * for {@link GrayClip#map}. Pixels are 8-bit row-major luma; results are rounded and clamped to 0..255.
 */
final class Transforms {
    private Transforms() {
    }

    /** Separable Gaussian blur (kernel radius ceil(3 sigma), edges clamped); returns a new array. */
    static byte[] gaussianBlur(byte[] pixels, int width, int height, double sigma) {
        final int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        final double[] kernel = new double[2 * radius + 1];
        double norm = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            norm += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= norm;
        }
        final double[] tmp = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int k = -radius; k <= radius; k++) {
                    final int xx = Math.min(width - 1, Math.max(0, x + k));
                    s += kernel[k + radius] * (pixels[y * width + xx] & 0xFF);
                }
                tmp[y * width + x] = s;
            }
        }
        final byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int k = -radius; k <= radius; k++) {
                    final int yy = Math.min(height - 1, Math.max(0, y + k));
                    s += kernel[k + radius] * tmp[yy * width + x];
                }
                out[y * width + x] = clamp(s);
            }
        }
        return out;
    }

    /** Adds white Gaussian noise of standard deviation {@code sigma} grey levels in place. */
    static byte[] addNoise(byte[] pixels, double sigma, Random random) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = clamp((pixels[i] & 0xFF) + sigma * random.nextGaussian());
        }
        return pixels;
    }

    /** Adds {@code levels} (may be negative) to every pixel in place. */
    static byte[] addBrightness(byte[] pixels, int levels) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = clamp((pixels[i] & 0xFF) + levels);
        }
        return pixels;
    }

    static GrayClip.FrameTransform blur(double sigma) {
        return (i, pixels, w, h) -> gaussianBlur(pixels, w, h, sigma);
    }

    /** Noise with a fixed seed per frame index, so a test is reproducible. */
    static GrayClip.FrameTransform noise(double sigma, long seed) {
        return (i, pixels, w, h) -> addNoise(pixels, sigma, new Random(seed + i));
    }

    /** +levels on even frames, -levels on odd frames: brightness flicker. */
    static GrayClip.FrameTransform flicker(int levels) {
        return (i, pixels, w, h) -> addBrightness(pixels, i % 2 == 0 ? levels : -levels);
    }

    private static byte clamp(double v) {
        final long r = Math.round(v);
        return (byte) (r < 0 ? 0 : r > 255 ? 255 : r);
    }
}
