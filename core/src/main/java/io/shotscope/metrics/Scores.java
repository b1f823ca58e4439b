package io.shotscope.metrics;

/** Shared mappings from raw measurements to scores in [0, 1]. */
public final class Scores {
    private Scores() {
    }

    /** 1 - exp(-value / scale): 0 at 0, 0.63 at {@code scale}, approaching 1; for unbounded magnitudes. */
    public static double saturating(double value, double scale) {
        if (!(value > 0)) {
            return 0;
        }
        return 1 - Math.exp(-value / scale);
    }

    /** Clamps to [0, 1]; NaN stays NaN. */
    public static double clamp01(double value) {
        return value < 0 ? 0 : value > 1 ? 1 : value;
    }
}
