package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EdgesMetricTest {
    private static GrayClip bottle;

    @BeforeAll
    static void readFootage() {
        bottle = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 12, 640, 360);
    }

    @Test
    void constantGreyHasNoEdges() {
        assertTrue(MetricRunner.mean(new EdgesMetric(), GrayClip.constant(640, 360, 3, 128)) < 0.02);
    }

    @Test
    void scoresAreFiniteAndInUnitRangeOnRealFootage() {
        for (double s : MetricRunner.scores(new EdgesMetric(), bottle)) {
            assertTrue(Double.isFinite(s) && s >= 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void edgesFallWhenFrameIsBlurred() {
        double original = MetricRunner.mean(new EdgesMetric(), bottle);
        double blurred = MetricRunner.mean(new EdgesMetric(), bottle.map(Transforms.blur(3)));
        assertTrue(blurred < 0.6 * original, "original " + original + " blurred " + blurred);
    }

    @Test
    void denseFineDetailScoresHigh() {
        GrayClip detail = GrayClip.constant(640, 360, 3, 128).map(Transforms.noise(40, 3)).map(Transforms.blur(1));
        assertTrue(MetricRunner.mean(new EdgesMetric(), detail) > 0.6);
    }

    @Test
    void singleStepEdgeIsSparse() {
        GrayClip step = GrayClip.constant(640, 360, 2, 0).map((i, p, w, h) -> {
            for (int y = 0; y < h; y++) {
                for (int x = w / 2; x < w; x++) {
                    p[y * w + x] = (byte) 200;
                }
            }
            return p;
        });
        double s = MetricRunner.mean(new EdgesMetric(), step);
        assertTrue(s > 0 && s < 0.05, "one vertical edge " + s);
    }
}
