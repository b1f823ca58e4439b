package io.shotscope.metrics;

/** Placeholder for the edges metric. */
public final class EdgesMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "edges";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
