package io.shotscope.metrics;

import java.util.List;

/** Every complexity metric, in report order. Adding a metric means appending it here. */
public final class MetricRegistry {
    private MetricRegistry() {
    }

    public static List<ComplexityMetric> all() {
        return List.of(
                new BlurMetric(),
                new MotionMetric(),
                new CameraMotionMetric(),
                new ZoomMetric(),
                new TextureMetric(),
                new EdgesMetric(),
                new NoiseMetric(),
                new LightingMetric(),
                new OcclusionMetric(),
                new ObjectsMetric(),
                new ShakeMetric(),
                new ObjectCountMetric(),
                new EdgeWidthMetric());
    }

    public static List<String> keys() {
        return all().stream().map(ComplexityMetric::key).toList();
    }
}
