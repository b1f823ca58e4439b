package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What every registered metric promises, checked for each of them. */
class MetricContractTest {

    static Stream<ComplexityMetric> metrics() {
        return MetricRegistry.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void scoresAreFiniteAndWithinZeroToOneOnRealFootage(ComplexityMetric metric) {
        GrayClip clip = GrayClip.read(SharedClips.clip("car-detection.mp4"), 12, 384, 216);
        for (double score : MetricRunner.scores(metric, clip)) {
            assertTrue(Double.isFinite(score) && score >= 0 && score <= 1, metric.key() + " gave " + score);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void scoresAreFiniteAndWithinZeroToOneOnExtremeFrames(ComplexityMetric metric) {
        Random random = new Random(7);
        GrayClip extreme = GrayClip.constant(96, 64, 6, 0).map((i, px, w, h) -> {
            for (int p = 0; p < px.length; p++) {
                px[p] = (byte) switch (i % 3) {
                    case 0 -> random.nextInt(256);
                    case 1 -> (p % w + i) % 2 == 0 ? 255 : 0;
                    default -> 255;
                };
            }
            return px;
        });
        for (double score : MetricRunner.scores(metric, extreme)) {
            assertTrue(Double.isFinite(score) && score >= 0 && score <= 1, metric.key() + " gave " + score);
        }
    }

    /**
     * Frames narrower or shorter than one motion block (the analyser keeps sides of 16 pixels and
     * up) have no motion blocks at all; a square moving over noise there once crashed `objects`.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void scoresAreFiniteAndWithinZeroToOneOnFramesSmallerThanOneMotionBlock(ComplexityMetric metric) {
        int[][] sizes = {{16, 16}, {40, 28}, {28, 40}, {96, 16}, {MotionField.BLOCK, MotionField.BLOCK - 4}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            Random random = new Random(11);
            GrayClip moving = GrayClip.constant(w, h, 8, 0).map((i, px, width, height) -> {
                for (int p = 0; p < px.length; p++) {
                    int x = p % width;
                    int y = p / width;
                    boolean square = x >= 2 * i && x < 2 * i + 8 && y >= 2 && y < 10;
                    px[p] = (byte) (square ? 250 : 60 + random.nextInt(40));
                }
                return px;
            });
            for (double score : MetricRunner.scores(metric, moving)) {
                assertTrue(Double.isFinite(score) && score >= 0 && score <= 1,
                        metric.key() + " gave " + score + " at " + w + "x" + h);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void constantGreyClipScoresNearZero(ComplexityMetric metric) {
        GrayClip grey = GrayClip.constant(160, 96, 8, 128);
        for (double score : MetricRunner.scores(metric, grey)) {
            assertTrue(score < 0.02, metric.key() + " gave " + score + " on flat grey");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void measuringIsAPureFunctionOfTheFrames(ComplexityMetric metric) {
        GrayClip clip = GrayClip.read(SharedClips.clip("asl-walk.mkv"), 6, 320, 240);
        AnalysisFrame a = MetricRunner.frame(clip, 3);
        AnalysisFrame b = MetricRunner.frame(clip, 4);
        double[] first = metric.measure(new FrameContext(b, a, 1 / 30.0, 1));
        metric.measure(new FrameContext(a, b, 1 / 30.0, 1));
        double[] again = metric.measure(new FrameContext(b, a, 1 / 30.0, 1));
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(again));
    }

    @Test
    void keysAreUniqueAndSnakeCase() {
        Set<String> keys = new HashSet<>(MetricRegistry.keys());
        assertEquals(MetricRegistry.keys().size(), keys.size());
        for (String key : keys) {
            assertTrue(key.matches("[a-z]+(_[a-z]+)*"), key);
        }
    }
}
