package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import org.junit.jupiter.api.Test;

class MotionMetricTest {
    private final MotionMetric metric = new MotionMetric();

    /** A 60x60 textured square crossing the middle of the frame at 16 px per frame. */
    static GrayClip objectCrossing() {
        return MotionTransforms.pasteObject(MotionClips.bottle(), 60, 40, 150, 16, 1);
    }

    @Test
    void motionStaysLowOnAStaticScene() {
        double score = MotionClips.meanInRange(metric, MotionClips.bottle());
        assertTrue(score < 0.1, "untouched motion " + score);
    }

    @Test
    void motionRisesWhenAnObjectCrossesTheFrame() {
        double still = MotionClips.meanInRange(metric, MotionClips.bottle());
        double object = MotionClips.meanInRange(metric, objectCrossing());
        assertTrue(object > 0.4 && object > still + 0.3, "object " + object + " vs still " + still);
    }

    @Test
    void cameraPanIsNotObjectMotion() {
        double pan = MotionClips.meanInRange(metric, MotionTransforms.pan(MotionClips.bottle(), 3, 0));
        double zoom = MotionClips.meanInRange(metric, MotionTransforms.zoom(MotionClips.bottle(), 1.01));
        assertTrue(pan < 0.1, "motion under pan " + pan);
        assertTrue(zoom < 0.1, "motion under zoom " + zoom);
    }

    @Test
    void objectMovingOverAPanIsStillMotion() {
        GrayClip both = MotionTransforms.pan(objectCrossing(), 3, 0);
        double score = MotionClips.meanInRange(metric, both);
        assertTrue(score > 0.4, "object over pan " + score);
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
