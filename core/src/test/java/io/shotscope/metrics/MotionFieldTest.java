package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MotionFieldTest {
    private static final int W = 640;
    private static final int H = 360;

    /** Smooth random texture (value noise, three octaves) defined everywhere, so moves are exact. */
    private static final class Texture {
        private final double[][] grids = new double[3][];
        private final int[] cells = {40, 14, 6};
        private final int lattice = 256;

        Texture(long seed) {
            Random random = new Random(seed);
            for (int o = 0; o < grids.length; o++) {
                grids[o] = new double[lattice * lattice];
                for (int k = 0; k < grids[o].length; k++) {
                    grids[o][k] = random.nextDouble();
                }
            }
        }

        double at(double x, double y) {
            double v = 0;
            double[] weights = {110, 70, 45};
            for (int o = 0; o < grids.length; o++) {
                v += weights[o] * octave(grids[o], x / cells[o] + 50, y / cells[o] + 50);
            }
            return v;
        }

        private double octave(double[] grid, double x, double y) {
            int ix = (int) Math.floor(x);
            int iy = (int) Math.floor(y);
            double fx = smooth(x - ix);
            double fy = smooth(y - iy);
            double a = cell(grid, ix, iy) * (1 - fx) + cell(grid, ix + 1, iy) * fx;
            double b = cell(grid, ix, iy + 1) * (1 - fx) + cell(grid, ix + 1, iy + 1) * fx;
            return a * (1 - fy) + b * fy;
        }

        private double cell(double[] grid, int x, int y) {
            return grid[Math.floorMod(y, lattice) * lattice + Math.floorMod(x, lattice)];
        }

        private static double smooth(double t) {
            return t * t * (3 - 2 * t);
        }
    }

    /** Frame whose pixel at p shows the texture at centre + (p - centre) / scale - (dx, dy). */
    private static AnalysisFrame render(Texture texture, double dx, double dy, double scale) {
        AnalysisFrame frame = new AnalysisFrame(W, H);
        double cx = W / 2.0;
        double cy = H / 2.0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double sx = cx + (x + 0.5 - cx) / scale - dx;
                double sy = cy + (y + 0.5 - cy) / scale - dy;
                double v = texture.at(sx, sy);
                frame.luma.pixels[y * W + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        frame.prepare(0);
        return frame;
    }

    @Test
    void knownShiftGivesGlobalTranslationWithinHalfPixel() {
        Texture texture = new Texture(7);
        MotionField field = MotionField.estimate(render(texture, 0, 0, 1), render(texture, 5, -3, 1));
        GlobalMotion g = field.global();
        assertTrue(g.valid());
        assertEquals(5, g.tx(), 0.5);
        assertEquals(-3, g.ty(), 0.5);
        assertEquals(0, g.a(), 0.003);
        assertEquals(0, g.b(), 0.003);
    }

    @Test
    void subPixelShiftIsResolvedBelowHalfPixel() {
        Texture texture = new Texture(11);
        MotionField field = MotionField.estimate(render(texture, 0, 0, 1), render(texture, -2.5, 1.25, 1));
        assertEquals(-2.5, field.global().tx(), 0.5);
        assertEquals(1.25, field.global().ty(), 0.5);
    }

    @Test
    void largeShiftWithinSearchRangeIsFound() {
        Texture texture = new Texture(3);
        MotionField field = MotionField.estimate(render(texture, 0, 0, 1), render(texture, 18, 10, 1));
        assertEquals(18, field.global().tx(), 0.5);
        assertEquals(10, field.global().ty(), 0.5);
    }

    @Test
    void knownScaleGivesScaleChange() {
        Texture texture = new Texture(5);
        MotionField field = MotionField.estimate(render(texture, 0, 0, 1), render(texture, 0, 0, 1.02));
        GlobalMotion g = field.global();
        assertEquals(0.02, g.a(), 0.004);
        assertEquals(0, g.b(), 0.003);
        assertEquals(0, g.tx(), 0.5);
        assertEquals(0, g.ty(), 0.5);
    }

    @Test
    void staticPairGivesNoMotionAndNothingPoorlyPredicted() {
        Texture texture = new Texture(9);
        AnalysisFrame frame = render(texture, 0, 0, 1);
        MotionField field = MotionField.estimate(frame, render(texture, 0, 0, 1));
        GlobalMotion g = field.global();
        assertEquals(0, g.tx(), 0.05);
        assertEquals(0, g.ty(), 0.05);
        assertEquals(0, g.a(), 0.0005);
        assertEquals(0, field.meanResidual(0), 0.05);
        assertEquals(0, field.poorlyPredictedShare(), 1e-9);
    }

    @Test
    void brightnessChangeAloneIsNotPoorlyPredicted() {
        Texture texture = new Texture(13);
        AnalysisFrame previous = render(texture, 0, 0, 1);
        AnalysisFrame current = render(texture, 0, 0, 1);
        for (int k = 0; k < current.luma.pixels.length; k++) {
            current.luma.pixels[k] = (byte) Math.min(255, (current.luma.pixels[k] & 0xFF) + 25);
        }
        current.prepare(1);
        MotionField field = MotionField.estimate(previous, current);
        assertEquals(25, field.brightnessOffset(), 2);
        assertTrue(field.poorlyPredictedShare() < 0.05, "share " + field.poorlyPredictedShare());
        assertEquals(0, field.global().translation(), 0.1);
    }

    @Test
    void flatFramesHaveNoTexturedBlocksAndNoGlobalMotion() {
        AnalysisFrame a = new AnalysisFrame(W, H);
        AnalysisFrame b = new AnalysisFrame(W, H);
        java.util.Arrays.fill(a.luma.pixels, (byte) 128);
        java.util.Arrays.fill(b.luma.pixels, (byte) 128);
        a.prepare(0);
        b.prepare(1);
        MotionField field = MotionField.estimate(a, b);
        assertFalse(field.global().valid());
        for (int i = 0; i < field.blockCount(); i++) {
            assertFalse(field.textured(i));
            assertEquals(0, field.vx(i));
            assertEquals(0, field.vy(i));
        }
        assertEquals(0, field.poorlyPredictedShare());
    }
}
