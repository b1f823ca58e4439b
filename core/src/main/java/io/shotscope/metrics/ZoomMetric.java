package io.shotscope.metrics;

/** Placeholder for the zoom metric. */
public final class ZoomMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "zoom";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
