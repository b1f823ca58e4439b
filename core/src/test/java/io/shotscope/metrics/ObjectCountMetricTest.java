package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectCountMetricTest {
    private final ObjectCountMetric metric = new ObjectCountMetric();

    private double meanRegions(GrayClip clip) {
        return MotionClips.meanRaw(metric, ObjectCountMetric.REGIONS, clip);
    }

    @Test
    void aStaticSceneHasNoObjects() {
        assertTrue(meanRegions(MotionClips.bottle()) < 0.1, "untouched plate");
    }

    @Test
    void eachSeparatelyMovingObjectCountsOnce() {
        assertEquals(1, meanRegions(MotionClips.squares(1)), 0.25);
        assertEquals(3, meanRegions(MotionClips.squares(3)), 0.5);
    }

    @Test
    void theScoreRisesWithTheNumberOfObjects() {
        double one = MotionClips.meanInRange(metric, MotionClips.squares(1));
        double three = MotionClips.meanInRange(metric, MotionClips.squares(3));
        assertEquals(1 - Math.exp(-1 / ObjectCountMetric.COUNT_SCALE), one, 0.08);
        assertTrue(three > one + 0.2, "three objects " + three + " vs one " + one);
    }

    @Test
    void aSlowObjectIsSeenAcrossTheSpanWhereOneFrameMissesIt() {
        GrayClip slow = MotionTransforms.pasteObject(MotionClips.bottle(), 48, 40, 100, 1, 7);
        double overOneFrame = 0;
        List<AnalysisFrame> frames = MetricRunner.frames(slow);
        for (int i = 1; i < frames.size(); i++) {
            // a context that knows only the previous frame spans that one step
            FrameContext oneStep = new FrameContext(frames.get(i), frames.get(i - 1), 1 / slow.fps(), 1);
            overOneFrame += metric.measure(oneStep)[ObjectCountMetric.REGIONS];
        }
        overOneFrame /= frames.size() - 1;
        double overTheSpan = meanRegions(slow);
        assertEquals(1, overTheSpan, 0.2);
        assertTrue(overTheSpan > overOneFrame + 0.3, "span " + overTheSpan + " vs one frame " + overOneFrame);
    }

    @Test
    void speedDoesNotWeigh() {
        GrayClip slow = MotionTransforms.pasteObject(MotionClips.bottle(), 48, 40, 100, 4, 7);
        GrayClip fast = MotionTransforms.pasteObject(MotionClips.bottle(), 48, 40, 100, 16, 7);
        assertEquals(meanRegions(slow), meanRegions(fast), 0.5);
    }

    @Test
    void aLargeAnalysisCountsOnItsQuarterPlaneAlike() {
        GrayClip large = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 16, 1280, 720);
        assertTrue(large.width() / 4 >= MovingRegions.MAP_WIDTH, "the quarter plane is used");
        assertEquals(0, meanRegions(large), 0.25);
        assertEquals(1, meanRegions(MotionTransforms.pasteObject(large, 96, 80, 80, 16, 7)), 0.25);
    }

    @Test
    void cameraMovesAreNotObjects() {
        assertTrue(meanRegions(MotionTransforms.pan(MotionClips.bottle(), 3, 0)) < 0.2, "pan");
        assertTrue(meanRegions(MotionTransforms.zoom(MotionClips.bottle(), 1.01)) < 0.2, "zoom");
    }

    @Test
    void anObjectMovingOverAPanStillCounts() {
        assertEquals(1, meanRegions(MotionTransforms.pan(MotionClips.squares(1), 3, 0)), 0.3);
    }

    @Test
    void aWipeAcrossTheWholeFrameHeightIsNotAnObject() {
        // a quarter of the frame wide: from a third up, this wipe carries more texture than the
        // plate, the camera fit follows it for a step and every span over that step is misaligned
        GrayClip wipe = MotionTransforms.pasteObject(MotionClips.bottle(), 160, 360, -150, 0, 24, 7);
        assertTrue(meanRegions(wipe) < 0.2, "frame-tall wipe counted as " + meanRegions(wipe));
    }

    @Test
    void firstFrameIsUndefined() {
        assertTrue(Double.isNaN(MotionClips.firstFrame(metric)[0]));
    }
}
