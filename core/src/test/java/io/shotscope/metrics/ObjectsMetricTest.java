package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.Test;

class ObjectsMetricTest {
    private final ObjectsMetric metric = new ObjectsMetric();

    private double meanRegions(GrayClip clip) {
        return MotionClips.meanRaw(metric, ObjectsMetric.REGIONS, clip);
    }

    @Test
    void objectsStayLowOnAStaticScene() {
        double score = MotionClips.meanInRange(metric, MotionClips.bottle());
        assertTrue(score < 0.1, "untouched objects " + score);
    }

    @Test
    void eachSeparatelyMovingObjectCountsOnce() {
        assertEquals(1, meanRegions(MotionClips.squares(1)), 0.25);
        assertEquals(3, meanRegions(MotionClips.squares(3)), 0.5);
    }

    @Test
    void aLargeAnalysisCountsOnItsQuarterPlaneAlike() {
        // at 1280 px the quarter plane is wide enough to replace the half plane; the same scene at
        // twice the size must count the same objects
        GrayClip large = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 16, 1280, 720);
        assertTrue(large.width() / 4 >= MovingRegions.MAP_WIDTH, "the quarter plane is used");
        assertEquals(0, meanRegions(large), 0.25);
        GrayClip one = MotionTransforms.pasteObject(large, 96, 80, 80, 16, 7);
        assertEquals(1, meanRegions(one), 0.25);
        GrayClip three = one;
        for (int k = 1; k < 3; k++) {
            three = MotionTransforms.pasteObject(three, 96, 80 + 380 * k, 80 + 220 * (k % 2), 16, 7 + k);
        }
        assertEquals(3, meanRegions(three), 0.5);
    }

    @Test
    void objectsRiseWithTheNumberOfMovingObjects() {
        double one = MotionClips.meanInRange(metric, MotionClips.squares(1));
        double three = MotionClips.meanInRange(metric, MotionClips.squares(3));
        assertTrue(one > 0.2, "one object " + one);
        assertTrue(three > one + 0.2, "three objects " + three + " vs one " + one);
    }

    @Test
    void aFasterObjectWeighsMore() {
        GrayClip slow = MotionTransforms.pasteObject(MotionClips.bottle(), 48, 40, 100, 4, 7);
        GrayClip fast = MotionTransforms.pasteObject(MotionClips.bottle(), 48, 40, 100, 24, 7);
        double slowScore = MotionClips.meanInRange(metric, slow);
        double fastScore = MotionClips.meanInRange(metric, fast);
        assertTrue(fastScore > slowScore + 0.05, "fast " + fastScore + " vs slow " + slowScore);
    }

    @Test
    void cameraMovesAreNotObjects() {
        double pan = MotionClips.meanInRange(metric, MotionTransforms.pan(MotionClips.bottle(), 3, 0));
        double zoom = MotionClips.meanInRange(metric, MotionTransforms.zoom(MotionClips.bottle(), 1.01));
        assertTrue(pan < 0.1, "objects under pan " + pan);
        assertTrue(zoom < 0.1, "objects under zoom " + zoom);
    }

    @Test
    void anObjectMovingOverAPanStillCounts() {
        assertEquals(1, meanRegions(MotionTransforms.pan(MotionClips.squares(1), 3, 0)), 0.3);
    }

    @Test
    void aWipeAcrossTheWholeFrameHeightIsNotAnObject() {
        GrayClip wipe = MotionTransforms.pasteObject(MotionClips.bottle(), 360, -300, 0, 24, 7);
        assertTrue(meanRegions(wipe) < 0.2, "frame-tall wipe counted as " + meanRegions(wipe));
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
