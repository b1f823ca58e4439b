package io.shotscope.metrics;

import io.shotscope.testsupport.GrayClip;
import java.util.ArrayList;
import java.util.List;

/** Runs one metric over an in-memory clip the way the analyser does: measure, then score in order. */
final class MetricRunner {
    private MetricRunner() {
    }

    /** Per-frame scores; undefined first-frame values are filled as the analyser fills them. */
    static double[] scores(ComplexityMetric metric, GrayClip clip) {
        MetricScorer scorer = metric.newScorer();
        double[] out = new double[clip.frames().size()];
        List<FrameContext> contexts = contexts(clip);
        for (int i = 0; i < out.length; i++) {
            out[i] = scorer.score(metric.measure(contexts.get(i)));
        }
        double first = Double.NaN;
        for (double v : out) {
            if (!Double.isNaN(v)) {
                first = v;
                break;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = Double.isNaN(first) ? 0 : first;
            }
        }
        return out;
    }

    static double mean(ComplexityMetric metric, GrayClip clip) {
        double sum = 0;
        double[] s = scores(metric, clip);
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    /**
     * Every frame's context as the analyser builds it: the previous frame, the motion field from it,
     * and the span back over up to {@link FrameSpan#FRAMES} motion fields.
     */
    static List<FrameContext> contexts(GrayClip clip) {
        List<AnalysisFrame> frames = frames(clip);
        List<MotionField> steps = new ArrayList<>();
        List<FrameContext> out = new ArrayList<>();
        double dt = 1.0 / clip.fps();
        for (int i = 0; i < frames.size(); i++) {
            if (i == 0) {
                out.add(new FrameContext(frames.get(0), null, dt, 1.0));
                continue;
            }
            MotionField field = MotionField.estimate(frames.get(i - 1), frames.get(i));
            steps.add(field);
            if (steps.size() > FrameSpan.FRAMES) {
                steps.remove(0);
            }
            FrameSpan span = FrameSpan.over(frames.get(i - steps.size()), List.copyOf(steps));
            out.add(new FrameContext(frames.get(i), frames.get(i - 1), field, span, dt, 1.0));
        }
        return out;
    }

    static AnalysisFrame frame(GrayClip clip, int index) {
        AnalysisFrame frame = new AnalysisFrame(clip.width(), clip.height());
        System.arraycopy(clip.frames().get(index), 0, frame.luma.pixels, 0, frame.luma.pixels.length);
        frame.prepare(index);
        return frame;
    }

    static List<AnalysisFrame> frames(GrayClip clip) {
        List<AnalysisFrame> out = new ArrayList<>();
        for (int i = 0; i < clip.frames().size(); i++) {
            out.add(frame(clip, i));
        }
        return out;
    }
}
