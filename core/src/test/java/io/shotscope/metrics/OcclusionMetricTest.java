package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import org.junit.jupiter.api.Test;

class OcclusionMetricTest {
    private final OcclusionMetric metric = new OcclusionMetric();

    @Test
    void occlusionStaysLowOnAStaticScene() {
        double score = MotionClips.meanInRange(metric, MotionClips.bottle());
        assertTrue(score < 0.05, "untouched occlusion " + score);
    }

    @Test
    void occlusionRisesWhenAnObjectCrossesTheFrame() {
        double still = MotionClips.meanInRange(metric, MotionClips.bottle());
        double object = MotionClips.meanInRange(metric, MotionMetricTest.objectCrossing());
        assertTrue(object > 0.06 && object > still + 0.05, "object " + object + " vs still " + still);
    }

    @Test
    void occlusionStaysLowOnAPurePanOrZoom() {
        double pan = MotionClips.meanInRange(metric, MotionTransforms.pan(MotionClips.bottle(), 3, 0));
        double zoom = MotionClips.meanInRange(metric, MotionTransforms.zoom(MotionClips.bottle(), 1.01));
        assertTrue(pan < 0.05, "occlusion under pan " + pan);
        assertTrue(zoom < 0.05, "occlusion under zoom " + zoom);
    }

    @Test
    void lightingChangeAloneIsNotOcclusion() {
        GrayClip brighter = MotionClips.bottle().map((i, pixels, w, h) -> {
            for (int k = 0; k < pixels.length; k++) {
                pixels[k] = (byte) Math.min(255, (pixels[k] & 0xFF) + 6 * i);
            }
            return pixels;
        });
        double score = MotionClips.meanInRange(metric, brighter);
        assertTrue(score < 0.05, "occlusion under a brightness ramp " + score);
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
