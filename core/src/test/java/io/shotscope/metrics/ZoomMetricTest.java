package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import org.junit.jupiter.api.Test;

class ZoomMetricTest {
    private final ZoomMetric metric = new ZoomMetric();

    @Test
    void zoomStaysLowOnLockedOffFootage() {
        double score = MotionClips.meanInRange(metric, MotionClips.bottle());
        assertTrue(score < 0.1, "untouched zoom " + score);
    }

    @Test
    void zoomRisesUnderProgressiveScaling() {
        double still = MotionClips.meanInRange(metric, MotionClips.bottle());
        double zoom = MotionClips.meanInRange(metric, MotionTransforms.zoom(MotionClips.bottle(), 1.01));
        assertTrue(zoom > 0.5 && zoom > still + 0.4, "zoom " + zoom + " vs still " + still);
    }

    @Test
    void zoomOutRisesToo() {
        double zoomOut = MotionClips.meanInRange(metric, MotionTransforms.zoom(MotionClips.bottle(), 1 / 1.01));
        assertTrue(zoomOut > 0.5, "zoom out " + zoomOut);
    }

    @Test
    void zoomStaysLowUnderPureTranslation() {
        double pan = MotionClips.meanInRange(metric, MotionTransforms.pan(MotionClips.bottle(), 3, 2));
        assertTrue(pan < 0.1, "zoom under pan " + pan);
    }

    @Test
    void measuredRateMatchesTheScaleStep() {
        GrayClip zoom = MotionTransforms.zoom(MotionClips.bottle(), 1.01);
        FrameContext context = new FrameContext(MetricRunner.frame(zoom, 5), MetricRunner.frame(zoom, 4),
                1 / zoom.fps(), 1);
        double expected = Math.log(1.01) * zoom.fps();
        assertEquals(expected, metric.measure(context)[1], 0.15 * expected);
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
