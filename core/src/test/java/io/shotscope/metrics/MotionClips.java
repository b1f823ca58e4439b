package io.shotscope.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import java.util.ArrayList;
import java.util.List;

/** Real footage for the motion metric tests, read once per test JVM, and shared assertions. */
final class MotionClips {
    private static GrayClip bottle;

    private MotionClips() {
    }

    /** The first 16 frames of bottle-detection.mp4 (locked-off, 29.8 fps) at 640x360. */
    static synchronized GrayClip bottle() {
        if (bottle == null) {
            bottle = GrayClip.read(SharedClips.clip("bottle-detection.mp4"), 16, 640, 360);
        }
        return bottle;
    }

    /** Every {@code step}-th frame, with the frame rate divided accordingly (a stride of {@code step}). */
    static GrayClip everyNth(GrayClip clip, int step) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < clip.frames().size(); i += step) {
            frames.add(clip.frames().get(i));
        }
        return new GrayClip(clip.width(), clip.height(), clip.fps() / step, frames);
    }

    /** Mean score after asserting every frame's score is finite and in [0, 1]. */
    static double meanInRange(ComplexityMetric metric, GrayClip clip) {
        double sum = 0;
        double[] scores = MetricRunner.scores(metric, clip);
        for (double s : scores) {
            assertTrue(Double.isFinite(s) && s >= 0 && s <= 1, metric.key() + " out of range: " + s);
            sum += s;
        }
        return sum / scores.length;
    }

    /** The raw measurement of a first frame (no previous frame). */
    static double[] firstFrame(ComplexityMetric metric) {
        AnalysisFrame frame = MetricRunner.frame(GrayClip.constant(64, 64, 1, 100), 0);
        return metric.measure(new FrameContext(frame, null, 1 / 24.0, 1));
    }

    /** Textured 48x48 squares at 8 px per frame over the locked-off bottle plate, well apart. */
    static GrayClip squares(int count) {
        GrayClip clip = bottle();
        for (int k = 0; k < count; k++) {
            clip = MotionTransforms.pasteObject(clip, 48, 40 + 190 * k, 40 + 110 * (k % 2), 8, 7 + k);
        }
        return clip;
    }

    /**
     * Mean of raw measurement {@code index} over the frames after the first, each frame in the
     * context the analyser gives it (its span included).
     */
    static double meanRaw(ComplexityMetric metric, int index, GrayClip clip) {
        double sum = 0;
        for (FrameContext context : MetricRunner.contexts(clip)) {
            if (!context.isFirst()) {
                sum += metric.measure(context)[index];
            }
        }
        return sum / (clip.frames().size() - 1);
    }
}
