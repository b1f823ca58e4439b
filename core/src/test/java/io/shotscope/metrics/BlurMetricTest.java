package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlurMetricTest {
    private static GrayClip bottle;

    @BeforeAll
    static void readFootage() {
        bottle = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 12, 640, 360);
    }

    @Test
    void constantGreyIsNotBlurry() {
        assertTrue(MetricRunner.mean(new BlurMetric(), GrayClip.constant(640, 360, 3, 128)) < 0.02);
    }

    @Test
    void scoresAreFiniteAndInUnitRangeOnRealFootage() {
        for (double s : MetricRunner.scores(new BlurMetric(), bottle)) {
            assertTrue(Double.isFinite(s) && s >= 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void sharpRealFootageScoresLow() {
        double sharp = MetricRunner.mean(new BlurMetric(), bottle);
        assertTrue(sharp >= 0.05 && sharp <= 0.35, "bottle-detection blur " + sharp);
    }

    @Test
    void blurRisesWhenFrameIsBlurred() {
        double sharp = MetricRunner.mean(new BlurMetric(), bottle);
        double blurred = MetricRunner.mean(new BlurMetric(), bottle.map(Transforms.blur(3)));
        assertTrue(blurred > sharp + 0.4, "sharp " + sharp + " blurred " + blurred);
        assertTrue(blurred > 0.7, "blurred " + blurred);
    }

    @Test
    void blurGrowsWithBlurStrength() {
        double mild = MetricRunner.mean(new BlurMetric(), bottle.map(Transforms.blur(1)));
        double strong = MetricRunner.mean(new BlurMetric(), bottle.map(Transforms.blur(3)));
        assertTrue(MetricRunner.mean(new BlurMetric(), bottle) < mild && mild < strong,
                "mild " + mild + " strong " + strong);
    }

    @Test
    void plainWallWithLittleNoiseIsNotBlurry() {
        GrayClip wall = GrayClip.constant(640, 360, 3, 140).map(Transforms.noise(1.5, 11));
        assertTrue(MetricRunner.mean(new BlurMetric(), wall) < 0.1);
    }

    @Test
    void smoothGradientWallIsNotBlurry() {
        GrayClip ramp = GrayClip.constant(640, 360, 2, 0).map((i, p, w, h) -> {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[y * w + x] = (byte) (60 + x * 100 / w + y * 40 / h);
                }
            }
            return p;
        });
        assertTrue(MetricRunner.mean(new BlurMetric(), ramp) < 0.02);
    }
}
