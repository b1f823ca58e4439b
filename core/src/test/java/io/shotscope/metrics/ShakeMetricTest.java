package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import org.junit.jupiter.api.Test;

class ShakeMetricTest {
    private final ShakeMetric metric = new ShakeMetric();

    @Test
    void shakeStaysLowOnLockedOffFootage() {
        double score = MotionClips.meanInRange(metric, MotionClips.bottle());
        assertTrue(score < 0.1, "untouched shake " + score);
    }

    @Test
    void aSteadyPanIsNotShake() {
        double pan = MotionClips.meanInRange(metric, MotionTransforms.pan(MotionClips.bottle(), 3, 0));
        assertTrue(pan < 0.1, "shake under a steady 3 px/frame pan " + pan);
    }

    @Test
    void shakeRisesUnderJitterAndWithItsAmplitude() {
        double light = MotionClips.meanInRange(metric, MotionTransforms.shake(MotionClips.bottle(), 1, 42));
        double strong = MotionClips.meanInRange(metric, MotionTransforms.shake(MotionClips.bottle(), 4, 42));
        assertTrue(light > 0.3, "light shake " + light);
        assertTrue(strong > 0.6 && strong > light + 0.2, "strong shake " + strong + " vs light " + light);
    }

    @Test
    void shakeOverAPanReadsAsShake() {
        GrayClip both = MotionTransforms.pan(MotionTransforms.shake(MotionClips.bottle(), 4, 42), 3, 0);
        double onPan = MotionClips.meanInRange(metric, both);
        double alone = MotionClips.meanInRange(metric, MotionTransforms.shake(MotionClips.bottle(), 4, 42));
        assertEquals(alone, onPan, 0.1, "shake over a pan " + onPan + " vs alone " + alone);
    }

    @Test
    void flatFramesAreNotAJolt() {
        GrayClip fadeThroughGrey = MotionTransforms.pan(MotionClips.bottle(), 3, 0)
                .map((i, pixels, w, h) -> i >= 6 && i < 9 ? new byte[pixels.length] : pixels);
        double[] scores = MetricRunner.scores(metric, fadeThroughGrey);
        for (int i = 0; i < scores.length; i++) {
            assertTrue(scores[i] < 0.1, "frame " + i + " of a pan through black scores " + scores[i]);
        }
    }

    @Test
    void constantGreyScoresZero() {
        assertEquals(0, MotionClips.meanInRange(metric, GrayClip.constant(640, 360, 6, 128)), 1e-9);
    }

    @Test
    void firstFrameIsUndefined() {
        assertTrue(Double.isNaN(MotionClips.firstFrame(metric)[0]));
    }
}
