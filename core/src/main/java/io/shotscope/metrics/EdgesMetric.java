package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;

/**
 * Density of fine edges (hair, foliage, wires, fences): the share of pixels whose Sobel gradient
 * magnitude |gx| + |gy| on the analysis-size luma exceeds {@link #GRADIENT_THRESHOLD}, mapped to
 * [0, 1] by {@code Scores.saturating(share, SHARE_SCALE)}.
 *
 * <p>Many strong edges mean roto, keying and paint around fine detail. The share falls when the frame
 * is blurred (edges spread and weaken below the threshold). Computed at the analysis size because the
 * pyramid levels are box-blurred and would lose exactly the fine detail this metric is about.
 */
public final class EdgesMetric implements ComplexityMetric {
    /**
     * Sobel |gx| + |gy| a pixel must exceed to count as edge. The Sobel kernels have gain 4, so 100
     * corresponds to a step of about 25 grey levels per pixel in one direction: well above codec noise,
     * below any visible contour.
     */
    static final int GRADIENT_THRESHOLD = 100;
    /** Only every ROW_STEP-th row is tested: the share is a frame-wide statistic; halves the cost. */
    static final int ROW_STEP = 2;
    /** Edge-pixel share at which the score reaches 1 - 1/e (0.63); busy natural scenes reach ~0.10-0.20. */
    static final double SHARE_SCALE = 0.15;

    @Override
    public String key() {
        return "edges";
    }

    @Override
    public double[] measure(FrameContext frame) {
        return new double[] {Scores.saturating(edgeShare(frame.current().luma), SHARE_SCALE)};
    }

    /** Share of interior pixels with Sobel |gx| + |gy| > {@link #GRADIENT_THRESHOLD}. */
    static double edgeShare(LumaPlane plane) {
        final int w = plane.width;
        final int h = plane.height;
        final byte[] p = plane.pixels;
        long edges = 0;
        long total = 0;
        for (int y = 1; y < h - 1; y += ROW_STEP) {
            final int row = y * w;
            final int up = row - w;
            final int down = row + w;
            int rowEdges = 0;
            for (int x = 1; x < w - 1; x++) {
                final int a = p[up + x - 1] & 0xFF;
                final int b = p[up + x] & 0xFF;
                final int c = p[up + x + 1] & 0xFF;
                final int d = p[row + x - 1] & 0xFF;
                final int f = p[row + x + 1] & 0xFF;
                final int g = p[down + x - 1] & 0xFF;
                final int k = p[down + x] & 0xFF;
                final int m = p[down + x + 1] & 0xFF;
                final int gx = (c + 2 * f + m) - (a + 2 * d + g);
                final int gy = (g + 2 * k + m) - (a + 2 * b + c);
                rowEdges += (GRADIENT_THRESHOLD - (Math.abs(gx) + Math.abs(gy))) >>> 31;
            }
            edges += rowEdges;
            total += w - 2;
        }
        return total > 0 ? (double) edges / total : 0;
    }
}
