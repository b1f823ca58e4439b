package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LightingMetricTest {
    private static GrayClip bottle;

    @BeforeAll
    static void readFootage() {
        bottle = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 12, 640, 360);
    }

    @Test
    void constantGreyIsStable() {
        assertTrue(MetricRunner.mean(new LightingMetric(), GrayClip.constant(640, 360, 4, 128)) < 0.02);
    }

    @Test
    void scoresAreFiniteAndInUnitRangeOnRealFootage() {
        for (double s : MetricRunner.scores(new LightingMetric(), bottle)) {
            assertTrue(Double.isFinite(s) && s >= 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void steadyRealFootageScoresLow() {
        assertTrue(MetricRunner.mean(new LightingMetric(), bottle) < 0.1);
    }

    @Test
    void lightingRisesUnderBrightnessFlicker() {
        double steady = MetricRunner.mean(new LightingMetric(), bottle);
        double flicker = MetricRunner.mean(new LightingMetric(), bottle.map(Transforms.flicker(20)));
        assertTrue(flicker > steady + 0.6, "steady " + steady + " flicker " + flicker);
    }

    @Test
    void movingObjectIsNotFlicker() {
        GrayClip square = GrayClip.constant(640, 360, 8, 100).map((i, p, w, h) -> {
            for (int y = 100; y < 180; y++) {
                for (int x = 40 + 40 * i; x < 120 + 40 * i; x++) {
                    p[y * w + x] = (byte) 200;
                }
            }
            return p;
        });
        assertTrue(MetricRunner.mean(new LightingMetric(), square) < 0.1);
    }

    @Test
    void firstFrameScoresClippingOnly() {
        GrayClip halfBlown = GrayClip.constant(640, 360, 1, 128).map((i, p, w, h) -> {
            java.util.Arrays.fill(p, 0, p.length / 2, (byte) 255);
            return p;
        });
        double[] raw = new LightingMetric().measure(new FrameContext(MetricRunner.frame(halfBlown, 0), null, 0.04, 1));
        assertEquals(0.5, raw[LightingMetric.CLIPPED], 1e-9);
        double first = new LightingMetric().newScorer().score(raw);
        assertEquals(Scores.saturating(0.5, LightingMetric.CLIPPED_SCALE), first, 1e-12);
        assertTrue(first > 0.8);
    }

    @Test
    void regionMeansAndGlobalMeanAreExact() {
        GrayClip gradient = GrayClip.constant(640, 360, 1, 0).map((i, p, w, h) -> {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[y * w + x] = (byte) (x < w / 2 ? 50 : 150);
                }
            }
            return p;
        });
        double[] raw = LightingMetric.statistics(MetricRunner.frame(gradient, 0).luma);
        assertEquals(100, raw[LightingMetric.GLOBAL], 1e-9);
        assertEquals(50, raw[LightingMetric.FIRST_REGION], 1e-9);
        assertEquals(150, raw[LightingMetric.FIRST_REGION + LightingMetric.GRID - 1], 1e-9);
    }
}
