package io.shotscope.synth;

import java.util.SplittableRandom;

/**
 * A textured shape with soft edges: premultiplied RGB and alpha, {@code width x height} pixels.
 * Moving objects and occluders are sprites.
 */
record Sprite(int width, int height, float[] rgb, float[] alpha) {

    /** A moving object: an ellipse or rounded box with stripes or a checker over a noisy colour. */
    static Sprite object(int width, int height, SplittableRandom rng) {
        boolean rect = rng.nextBoolean();
        int pattern = rng.nextInt(3); // 0 stripes, 1 checker, 2 plain noise
        double period = rng.nextDouble(3, 9);
        double angle = rng.nextDouble(Math.PI);
        float[] base = {(float) rng.nextDouble(30, 230), (float) rng.nextDouble(30, 230), (float) rng.nextDouble(30, 230)};
        float[] noise = Pixels.valueNoise(width, height, Math.max(2, height / 6.0), rng);
        return paint(width, height, rect, 1.2, (x, y, i) -> {
            double u = x * StrictMath.cos(angle) + y * StrictMath.sin(angle);
            double v = -x * StrictMath.sin(angle) + y * StrictMath.cos(angle);
            boolean dark = switch (pattern) {
                case 0 -> ((int) Math.floor(u / period) & 1) == 0;
                case 1 -> (((int) Math.floor(u / period) + (int) Math.floor(v / period)) & 1) == 0;
                default -> false;
            };
            return (dark ? 0.6f : 1f) * (1 + 0.25f * noise[i]);
        }, base);
    }

    /** A large foreground occluder (a passer-by, a pole): dark, with a vertical gradient. */
    static Sprite occluder(int width, int height, SplittableRandom rng) {
        float level = (float) rng.nextDouble(15, 70);
        float[] base = {level * (float) rng.nextDouble(0.8, 1.2), level, level * (float) rng.nextDouble(0.8, 1.2)};
        float[] noise = Pixels.valueNoise(width, height, Math.max(2, width / 4.0), rng);
        return paint(width, height, true, 2.5, (x, y, i) -> (0.7f + 0.6f * y / height) * (1 + 0.2f * noise[i]), base);
    }

    private interface Shade {
        float at(int x, int y, int index);
    }

    private static Sprite paint(int w, int h, boolean rect, double soft, Shade shade, float[] base) {
        float[] rgb = new float[3 * w * h];
        float[] alpha = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float a = Pixels.coverage(x + 0.5, y + 0.5, w / 2.0, h / 2.0, w / 2.0 - 1, h / 2.0 - 1, rect, soft);
                float s = shade.at(x, y, i);
                alpha[i] = a;
                for (int c = 0; c < 3; c++) {
                    rgb[3 * i + c] = a * Math.min(255, Math.max(0, base[c] * s));
                }
            }
        }
        return new Sprite(w, h, rgb, alpha);
    }
}
