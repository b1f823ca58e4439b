package io.shotscope.metrics;

/** Placeholder for the lighting metric. */
public final class LightingMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "lighting";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
