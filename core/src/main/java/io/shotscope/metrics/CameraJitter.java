package io.shotscope.metrics;

/**
 * The change of the camera's translation velocity from one analysed frame to the next, in frame
 * order: the second difference of the camera path, 0 for a steady move. One instance per shot,
 * held by a scorer.
 */
final class CameraJitter {
    private double previousX;
    private double previousY;
    private boolean hasPrevious;

    /** |t - t_previous| for velocity t = (tx, ty); 0 when there is no previous velocity. */
    double next(double tx, double ty) {
        double jitter = hasPrevious ? Math.hypot(tx - previousX, ty - previousY) : 0;
        previousX = tx;
        previousY = ty;
        hasPrevious = true;
        return jitter;
    }

    /** Forgets the previous velocity: the next one starts afresh. */
    void reset() {
        hasPrevious = false;
    }
}
