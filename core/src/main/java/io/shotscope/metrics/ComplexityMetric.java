package io.shotscope.metrics;

/**
 * One complexity factor. A metric works in two steps so frames can be measured in parallel while
 * anything that depends on earlier frames stays in order:
 * <ol>
 *   <li>{@link #measure} runs on worker threads, frames in any order, and must be a pure function
 *   of its {@link FrameContext} (the current and previous frame, and a span back to an earlier one);</li>
 *   <li>the {@link MetricScorer} from {@link #newScorer} receives those measurements in frame order
 *   and turns them into a score in [0, 1]; it may keep state across frames.</li>
 * </ol>
 * A metric that needs no state returns its final score from {@code measure} and keeps the default
 * scorer. Scores are {@code NaN} only where the metric is undefined (a temporal metric's first
 * frame); the analyser gives such frames the value of the first defined frame.
 */
public interface ComplexityMetric {

    /** The JSON key, e.g. {@code "blur"}. */
    String key();

    /** Raw measurements of one frame; thread-safe, no shared mutable state. */
    double[] measure(FrameContext frame);

    /** A fresh scorer for one shot. The default passes the first measurement through. */
    default MetricScorer newScorer() {
        return raw -> raw[0];
    }
}
