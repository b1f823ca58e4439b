package io.shotscope.metrics;

/** Placeholder for the occlusion metric. */
public final class OcclusionMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "occlusion";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
