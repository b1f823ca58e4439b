package io.shotscope.metrics;

/** Placeholder for the noise metric. */
public final class NoiseMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "noise";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
