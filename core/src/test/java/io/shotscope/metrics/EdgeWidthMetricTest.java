package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EdgeWidthMetricTest {
    private static GrayClip bottle;

    @BeforeAll
    static void readFootage() {
        bottle = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 6, 640, 360);
    }

    /** Mean over the clip's frames of the median edge width, half-plane pixels. */
    private static double width(GrayClip clip) {
        double sum = 0;
        for (int i = 0; i < clip.frames().size(); i++) {
            sum += EdgeWidthMetric.width(MetricRunner.frame(clip, i).half)[0];
        }
        return sum / clip.frames().size();
    }

    private static GrayClip stripes(int period) {
        return GrayClip.constant(640, 360, 2, 0).map((i, p, w, h) -> {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[y * w + x] = (byte) ((x / period) % 2 == 0 ? 40 : 200);
                }
            }
            return p;
        });
    }

    @Test
    void aStepEdgeIsTwoPixelsWideAndScoresZero() {
        assertEquals(EdgeWidthMetric.SHARP_WIDTH, width(stripes(32)), 0.1);
        assertTrue(MetricRunner.mean(new EdgeWidthMetric(), stripes(32)) < 0.03);
    }

    @Test
    void aConstantFrameHasNoEdgesAndScoresZero() {
        assertEquals(0, MetricRunner.mean(new EdgeWidthMetric(), GrayClip.constant(640, 360, 2, 128)), 1e-12);
    }

    @Test
    void edgeWidthGrowsWithDefocus() {
        double sharp = width(bottle);
        double mild = width(bottle.map(Transforms.blur(2)));
        double strong = width(bottle.map(Transforms.blur(4)));
        assertTrue(sharp < mild && mild < strong, "sharp " + sharp + " mild " + mild + " strong " + strong);
        // sigma 4 analysis pixels is 2 half-plane pixels: measured 3.36, against 2.08 sharp
        assertTrue(strong > 3, "strong " + strong);
        assertTrue(MetricRunner.mean(new EdgeWidthMetric(), bottle.map(Transforms.blur(4)))
                > MetricRunner.mean(new EdgeWidthMetric(), bottle) + 0.3);
    }

    @Test
    void grainBarelyChangesTheWidthWhereItMakesBlurLookSharper() {
        GrayClip soft = bottle.map(Transforms.blur(3));
        GrayClip grainy = soft.map(Transforms.noise(6, 7));
        double before = width(soft);
        double after = width(grainy);
        assertTrue(Math.abs(after - before) < 0.15 * before, "soft " + before + " with grain " + after);
        double blurBefore = MetricRunner.mean(new BlurMetric(), soft);
        double blurAfter = MetricRunner.mean(new BlurMetric(), grainy);
        assertTrue(blurAfter < blurBefore - 0.2, "blur soft " + blurBefore + " with grain " + blurAfter);
    }

    @Test
    void lowerContrastDoesNotChangeTheWidth() {
        GrayClip flat = bottle.map((i, p, w, h) -> {
            byte[] out = new byte[p.length];
            for (int k = 0; k < p.length; k++) {
                out[k] = (byte) (64 + (p[k] & 0xFF) / 2);
            }
            return out;
        });
        double full = width(bottle);
        double half = width(flat);
        assertTrue(Math.abs(half - full) < 0.1 * full, "full contrast " + full + " half " + half);
    }
}
