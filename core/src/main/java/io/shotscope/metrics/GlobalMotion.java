package io.shotscope.metrics;

/**
 * The camera part of a motion field: a similarity transform from the previous frame to the current
 * one, as a displacement field about the frame centre,
 * {@code v(x, y) = (tx + a*x - b*y, ty + b*x + a*y)}, where (x, y) is a point of the previous
 * frame relative to the frame centre in analysis pixels. So {@code 1 + a} is the scale ratio
 * (a = 0.02 for a 2% zoom in) and {@code b} the rotation in radians (small-angle).
 *
 * @param tx       horizontal translation, analysis pixels per frame step
 * @param ty       vertical translation, analysis pixels per frame step (down is positive)
 * @param a        scale change per frame step
 * @param b        rotation per frame step, radians (clockwise on screen, y down)
 * @param inliers  blocks the final fit used
 * @param valid    false when too few textured blocks to tell (the transform is then zero)
 */
public record GlobalMotion(double tx, double ty, double a, double b, int inliers, boolean valid) {

    /** No motion, nothing known: a flat or empty frame. */
    public static final GlobalMotion NONE = new GlobalMotion(0, 0, 0, 0, 0, false);

    /** Horizontal displacement predicted at (x, y) relative to the centre. */
    public double u(double x, double y) {
        return tx + a * x - b * y;
    }

    /** Vertical displacement predicted at (x, y) relative to the centre. */
    public double v(double x, double y) {
        return ty + b * x + a * y;
    }

    /** Length of the translation, analysis pixels per frame step. */
    public double translation() {
        return Math.hypot(tx, ty);
    }
}
