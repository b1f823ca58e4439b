package io.shotscope.metrics;

/** Placeholder for the blur metric. */
public final class BlurMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "blur";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
