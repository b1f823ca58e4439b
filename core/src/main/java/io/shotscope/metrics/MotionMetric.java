package io.shotscope.metrics;

/** Placeholder for the motion metric. */
public final class MotionMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "motion";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
