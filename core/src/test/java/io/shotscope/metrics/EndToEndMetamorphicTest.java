package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.analysis.ShotReport;
import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import io.shotscope.testsupport.SyntheticPlates;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metamorphic checks again, end to end: real footage is transformed, written losslessly to a
 * movie, decoded and analysed by the real pipeline, and each metric must move in its documented
 * direction against the untouched plate written the same way.
 */
class EndToEndMetamorphicTest {

    private static final int FRAMES = 20;

    @TempDir
    static Path dir;
    private static GrayClip original;
    private static Map<String, Double> baseline;

    @BeforeAll
    static void analyseTheUntouchedPlate() throws Exception {
        original = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), FRAMES, 640, 360);
        baseline = scores("original", original);
    }

    private static Map<String, Double> scores(String name, GrayClip clip) throws Exception {
        Path movie = SyntheticPlates.losslessMovie(dir.resolve(name + ".mkv"), clip);
        try (ShotAnalyzer analyzer = new ShotAnalyzer(AnalysisOptions.defaults())) {
            ShotReport report = analyzer.analyze(movie.toString());
            return report.complexityScores();
        }
    }

    private static void assertRises(String metric, Map<String, Double> transformed, double by) {
        double before = baseline.get(metric);
        double after = transformed.get(metric);
        assertTrue(after >= before + by, metric + " should rise by " + by + ": " + before + " -> " + after);
    }

    private static void assertFalls(String metric, Map<String, Double> transformed, double by) {
        double before = baseline.get(metric);
        double after = transformed.get(metric);
        assertTrue(after <= before - by, metric + " should fall by " + by + ": " + before + " -> " + after);
    }

    @Test
    void blurRisesAndEdgesFallUnderGaussianBlur() throws Exception {
        Map<String, Double> blurred = scores("blurred", original.map(Transforms.blur(3)));
        assertRises("blur", blurred, 0.3);
        assertFalls("edges", blurred, 0.05);
    }

    @Test
    void noiseRisesUnderAddedNoise() throws Exception {
        assertRises("noise", scores("noisy", original.map(Transforms.noise(8, 11))), 0.3);
    }

    @Test
    void lightingRisesUnderBrightnessFlicker() throws Exception {
        assertRises("lighting", scores("flicker", original.map(Transforms.flicker(20))), 0.3);
    }

    @Test
    void cameraMotionRisesUnderTranslationAndShake() throws Exception {
        assertRises("camera_motion", scores("pan", MotionTransforms.pan(original, 3, 1)), 0.3);
        assertRises("camera_motion", scores("shake", MotionTransforms.shake(original, 4, 5)), 0.3);
    }

    @Test
    void zoomRisesUnderProgressiveScaling() throws Exception {
        assertRises("zoom", scores("zoom", MotionTransforms.zoom(original, 1.01)), 0.3);
    }

    @Test
    void motionAndOcclusionRiseWhenAnObjectCrossesTheFrame() throws Exception {
        Map<String, Double> crossing = scores("crossing", MotionTransforms.pasteObject(original, 80, 0, 140, 24, 3));
        assertRises("motion", crossing, 0.2);
        assertRises("occlusion", crossing, 0.05);
    }
}
