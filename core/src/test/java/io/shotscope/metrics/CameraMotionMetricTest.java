package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.Test;

class CameraMotionMetricTest {
    private final CameraMotionMetric metric = new CameraMotionMetric();

    @Test
    void cameraMotionStaysLowOnLockedOffFootage() {
        double score = MotionClips.meanInRange(metric, MotionClips.bottle());
        assertTrue(score < 0.1, "untouched camera_motion " + score);
    }

    @Test
    void cameraMotionRisesUnderFramewiseTranslation() {
        double still = MotionClips.meanInRange(metric, MotionClips.bottle());
        double pan = MotionClips.meanInRange(metric, MotionTransforms.pan(MotionClips.bottle(), 3, 0));
        assertTrue(pan > 0.4 && pan > still + 0.3, "pan " + pan + " vs still " + still);
    }

    @Test
    void cameraMotionRisesUnderShake() {
        double pan = MotionClips.meanInRange(metric, MotionTransforms.pan(MotionClips.bottle(), 3, 0));
        double shake = MotionClips.meanInRange(metric, MotionTransforms.shake(MotionClips.bottle(), 4, 42));
        assertTrue(shake > 0.6 && shake > pan, "shake " + shake + " vs pan " + pan);
    }

    @Test
    void panSpeedIsFrameRateIndependent() {
        GrayClip pan = MotionTransforms.pan(MotionClips.bottle(), 3, 0);
        double full = MotionClips.meanInRange(metric, pan);
        double strided = MotionClips.meanInRange(metric, MotionClips.everyNth(pan, 2));
        assertEquals(full, strided, 0.08, "every frame " + full + " vs every other frame " + strided);
    }

    @Test
    void cameraMotionStaysLowWhenTheMainTextureIsAMovingCar() {
        // car-detection frames 55-89: a white car drives through a locked-off shot of plain asphalt,
        // so most textured blocks are on the car; the still background must still win
        GrayClip all = GrayClip.read(SharedClips.clip("car-detection.mp4"), 90, 640, 360);
        GrayClip car = new GrayClip(all.width(), all.height(), all.fps(), all.frames().subList(55, 90));
        double score = MotionClips.meanInRange(metric, car);
        assertTrue(score < 0.1, "camera_motion while a car crosses " + score);
        assertTrue(MotionClips.meanInRange(new ZoomMetric(), car) < 0.1);
    }

    @Test
    void scorerAddsShakeToSteadySpeed() {
        MetricScorer steady = metric.newScorer();
        MetricScorer jitter = metric.newScorer();
        double steadyLast = 0;
        double jitterLast = 0;
        for (int k = 0; k < 6; k++) {
            steadyLast = steady.score(new double[] {0.05, 0, 0});
            jitterLast = jitter.score(new double[] {k % 2 == 0 ? 0.05 : -0.05, 0, 0});
        }
        assertEquals(Scores.saturating(0.05, CameraMotionMetric.SCALE), steadyLast, 1e-12);
        assertTrue(jitterLast > steadyLast + 0.3, "jitter " + jitterLast + " vs steady " + steadyLast);
    }

    @Test
    void constantGreyScoresZero() {
        assertEquals(0, MotionClips.meanInRange(metric, GrayClip.constant(640, 360, 6, 128)), 1e-9);
    }

    @Test
    void firstFrameIsUndefined() {
        assertTrue(Double.isNaN(MotionClips.firstFrame(metric)[0]));
        assertTrue(Double.isNaN(metric.newScorer().score(MotionClips.firstFrame(metric))));
    }
}
