package io.shotscope.metrics;

/** Placeholder for the camera_motion metric. */
public final class CameraMotionMetric implements ComplexityMetric {
    @Override
    public String key() {
        return "camera_motion";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {0};
    }
}
