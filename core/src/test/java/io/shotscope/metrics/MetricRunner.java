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
        AnalysisFrame previous = null;
        double dt = 1.0 / clip.fps();
        for (int i = 0; i < out.length; i++) {
            AnalysisFrame frame = frame(clip, i);
            out[i] = scorer.score(metric.measure(new FrameContext(frame, previous, dt, 1.0)));
            previous = frame;
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
