package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NoiseMetricTest {
    private static GrayClip bottle;

    @BeforeAll
    static void readFootage() {
        bottle = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 12, 640, 360);
    }

    @Test
    void constantGreyHasNoNoise() {
        assertTrue(MetricRunner.mean(new NoiseMetric(), GrayClip.constant(640, 360, 3, 128)) < 0.02);
    }

    @Test
    void scoresAreFiniteAndInUnitRangeOnRealFootage() {
        for (double s : MetricRunner.scores(new NoiseMetric(), bottle)) {
            assertTrue(Double.isFinite(s) && s >= 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void cleanFootageScoresLow() {
        assertTrue(MetricRunner.mean(new NoiseMetric(), bottle) < 0.1);
    }

    @Test
    void noiseRisesWhenGrainIsAdded() {
        double clean = MetricRunner.mean(new NoiseMetric(), bottle);
        double grainy = MetricRunner.mean(new NoiseMetric(), bottle.map(Transforms.noise(10, 42)));
        assertTrue(grainy > clean + 0.5, "clean " + clean + " grainy " + grainy);
        assertTrue(grainy > 0.8, "grainy " + grainy);
    }

    @Test
    void estimateRecoversTheAddedSigmaDespiteTexture() {
        GrayClip grainy = bottle.map(Transforms.noise(5, 9));
        double sigma = NoiseMetric.sigma(MetricRunner.frame(grainy, 0).luma);
        assertEquals(5.0, sigma, 0.5);
    }

    @Test
    void downscaledPlatesReportNativeNoise() {
        AnalysisFrame frame = MetricRunner.frame(GrayClip.constant(640, 360, 1, 128).map(Transforms.noise(2, 1)), 0);
        double atAnalysisSize = new NoiseMetric().measure(new FrameContext(frame, null, 0.04, 1.0))[0];
        double fromHd = new NoiseMetric().measure(new FrameContext(frame, null, 0.04, 2.0))[0];
        assertTrue(fromHd > atAnalysisSize, atAnalysisSize + " vs " + fromHd);
    }
}
