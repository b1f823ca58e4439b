package io.shotscope.metrics;

/** Placeholder for the texture metric. */
public final class TextureMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "texture";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
