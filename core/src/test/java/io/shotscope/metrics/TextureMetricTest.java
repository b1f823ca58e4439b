package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextureMetricTest {
    private static GrayClip bottle;

    @BeforeAll
    static void readFootage() {
        bottle = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 12, 640, 360);
    }

    @Test
    void constantGreyHasNoTexture() {
        assertTrue(MetricRunner.mean(new TextureMetric(), GrayClip.constant(640, 360, 3, 128)) < 0.02);
    }

    @Test
    void scoresAreFiniteAndInUnitRangeOnRealFootage() {
        for (double s : MetricRunner.scores(new TextureMetric(), bottle)) {
            assertTrue(Double.isFinite(s) && s >= 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void textureFallsUnderStrongBlur() {
        double original = MetricRunner.mean(new TextureMetric(), bottle);
        double blurred = MetricRunner.mean(new TextureMetric(), bottle.map(Transforms.blur(3)));
        assertTrue(blurred < 0.9 * original, "original " + original + " blurred " + blurred);
    }

    @Test
    void flatWallWithSensorNoiseIsLow() {
        GrayClip wall = GrayClip.constant(640, 360, 3, 128).map(Transforms.noise(1.5, 5));
        assertTrue(MetricRunner.mean(new TextureMetric(), wall) < 0.1);
    }

    @Test
    void randomTextureIsHigh() {
        GrayClip texture = GrayClip.constant(640, 360, 3, 128).map(Transforms.noise(40, 5))
                .map(Transforms.blur(1));
        assertTrue(MetricRunner.mean(new TextureMetric(), texture) > 0.6);
    }
}
