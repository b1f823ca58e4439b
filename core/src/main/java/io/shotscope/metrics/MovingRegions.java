package io.shotscope.metrics;

import io.shotscope.video.LumaPlane;
import java.util.Arrays;

/**
 * Finds the things that move apart from the camera between the current frame and an earlier one,
 * for {@link ObjectsMetric} and {@link ObjectCountMetric}.
 *
 * <p>The half plane (the quarter plane once that is {@value #MAP_WIDTH} pixels wide, for analysis
 * sizes of 1280 and more) is cut into square cells, {@value #GRID_COLUMNS} across the frame
 * whatever its size. (The quarter plane of a 640 px analysis is too coarse: bilinear resampling of
 * its sharp texture under a zoom reads as moving cells.) Per cell, the mean absolute difference
 * between the current frame and the earlier one warped by the camera's motion between them (the
 * brightness change removed). A cell moves when that difference exceeds
 * {@code base + noiseGain * median cell difference} (the median is the frame's compensation noise:
 * grain, codec, a slightly wrong camera fit). The moving cells are dilated once (3x3) and cut into
 * 8-connected regions; a region counts when it has at least {@code minCells} cells and is at most
 * {@code maxHeight} of the frame tall (taller ones are wipes and occluders crossing the frame,
 * which {@code occlusion} measures).
 */
final class MovingRegions {
    /** Cells across the frame; sizes are in cells, so they are relative to the frame. */
    static final int GRID_COLUMNS = 40;
    /** The quarter plane replaces the half plane once it is this wide. */
    static final int MAP_WIDTH = 320;
    /** Smallest cell side, pixels of that level. */
    private static final int MIN_CELL_PX = 2;
    /**
     * Each cell is compared on a grid of {@value #SAMPLE_COLUMNS} x {@value #SAMPLE_ROWS} evenly
     * spaced pixels whatever its size (all 16 pixels of a 4 px cell would cost twice as much and
     * find the same regions): the mean of a few is enough to see a mover.
     */
    private static final int SAMPLE_COLUMNS = 4;
    private static final int SAMPLE_ROWS = 2;

    /**
     * When a cell moves and which regions count.
     *
     * @param base      grey levels a cell must differ by on a clean frame to move
     * @param noiseGain how many frame medians of compensation noise it must exceed on top of {@code base}
     * @param minCells  smallest region that counts, in cells
     * @param maxHeight tallest region that counts, as a share of the frame height
     */
    record Thresholds(double base, double noiseGain, int minCells, double maxHeight) {
    }

    private MovingRegions() {
    }

    /**
     * The regions moving between {@code earlier} and the current frame of {@code frame}, as the
     * speed of each one that counts: the largest block residual of the current frame's motion
     * field under it, in frame widths per second.
     *
     * @param camera the camera's motion from {@code earlier} to the current frame
     * @param offset the brightness change from {@code earlier} to the current frame, grey levels
     */
    static double[] speeds(FrameContext frame, AnalysisFrame earlier, GlobalMotion camera, double offset,
                           Thresholds thresholds) {
        MotionField field = frame.motion();
        boolean quarter = frame.current().quarter.width >= MAP_WIDTH;
        LumaPlane cur = quarter ? frame.current().quarter : frame.current().half;
        LumaPlane prev = quarter ? earlier.quarter : earlier.half;
        int scale = quarter ? 4 : 2;
        int cell = Math.max(MIN_CELL_PX, cur.width / GRID_COLUMNS);
        int cols = cur.width / cell;
        int rows = cur.height / cell;
        float[] difference = new float[cols * rows];
        compensatedDifference(cur, prev, scale, camera, offset, cell, cols, rows, difference);
        boolean[] moving = dilate(movingCells(difference, thresholds), cols, rows);
        int[] labels = new int[moving.length];
        int count = label(moving, cols, rows, labels);

        int[] size = new int[count + 1];
        int[] top = new int[count + 1];
        int[] bottom = new int[count + 1];
        double[] speed = new double[count + 1];
        Arrays.fill(top, Integer.MAX_VALUE);
        double seconds = MotionUnits.seconds(frame);
        // a frame narrower or shorter than one block has no motion blocks, so no measured residual
        boolean blocks = field.blockCount() > 0;
        for (int i = 0; i < labels.length; i++) {
            int region = labels[i];
            if (region == 0) {
                continue;
            }
            int y = i / cols;
            size[region]++;
            top[region] = Math.min(top[region], y);
            bottom[region] = Math.max(bottom[region], y);
            double residual = blocks ? field.residual(blockUnder(field, i % cols, y, cell * scale)) : 0;
            speed[region] = Math.max(speed[region],
                    MotionUnits.frameWidthsPerSecond(residual, field.width(), seconds));
        }
        double[] kept = new double[count];
        int n = 0;
        for (int r = 1; r <= count; r++) {
            if (size[r] >= thresholds.minCells() && bottom[r] - top[r] + 1 <= thresholds.maxHeight() * rows) {
                kept[n++] = speed[r];
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** The motion-field block holding the centre of a cell of {@code cellPx} analysis pixels. */
    private static int blockUnder(MotionField field, int cx, int cy, int cellPx) {
        int x = cx * cellPx + cellPx / 2;
        int y = cy * cellPx + cellPx / 2;
        int bx = Math.min(field.blocksX() - 1, x / MotionField.BLOCK);
        int by = Math.min(field.blocksY() - 1, y / MotionField.BLOCK);
        return by * field.blocksX() + bx;
    }

    /**
     * Mean |current - earlier warped by the camera - offset| per cell of two planes {@code scale}
     * times smaller than the analysis size; -1 where the warp leaves the earlier frame (picture new
     * at the border, not a moving object).
     */
    static void compensatedDifference(LumaPlane cur, LumaPlane prev, int scale, GlobalMotion camera,
                                      double offset, int cell, int cols, int rows, float[] out) {
        int w = cur.width;
        int h = cur.height;
        byte[] c = cur.pixels;
        byte[] p = prev.pixels;
        // The camera model works in analysis pixels about the frame centre; pixel x of the plane
        // covers analysis pixels scale*x .. scale*x + scale - 1 and is placed at scale*x + scale/2.
        double centreX = scale * (w - 1) / 2.0;
        double centreY = scale * (h - 1) / 2.0;
        // The warp is affine: along a row the source position advances by (1 - a, -b) per pixel,
        // and a cell's samples stay inside the earlier frame when its four corner samples do.
        int columnStep = Math.max(1, cell / SAMPLE_COLUMNS);
        int rowStep = Math.max(1, cell / SAMPLE_ROWS);
        double stepX = columnStep * (1 - camera.a());
        double stepY = -columnStep * camera.b();
        for (int cy = 0; cy < rows; cy++) {
            int top = cy * cell;
            int bottom = top + (cell - 1) / rowStep * rowStep;
            for (int cx = 0; cx < cols; cx++) {
                int left = cx * cell;
                int right = left + (cell - 1) / columnStep * columnStep;
                if (!inside(camera, scale, centreX, centreY, left, top, w, h)
                        || !inside(camera, scale, centreX, centreY, right, top, w, h)
                        || !inside(camera, scale, centreX, centreY, left, bottom, w, h)
                        || !inside(camera, scale, centreX, centreY, right, bottom, w, h)) {
                    out[cy * cols + cx] = -1;
                    continue;
                }
                double sum = 0;
                int samples = 0;
                for (int y = top; y <= bottom; y += rowStep) {
                    double ax = scale * left - centreX;
                    double ay = scale * y - centreY;
                    double px = left - camera.u(ax, ay) / scale;
                    double py = y - camera.v(ax, ay) / scale;
                    int row = y * w;
                    for (int x = left; x <= right; x += columnStep, px += stepX, py += stepY) {
                        int x0 = Math.min((int) px, w - 2);
                        int y0 = Math.min((int) py, h - 2);
                        double fx = px - x0;
                        double fy = py - y0;
                        int i = y0 * w + x0;
                        double warped = (1 - fy) * ((1 - fx) * (p[i] & 0xFF) + fx * (p[i + 1] & 0xFF))
                                + fy * ((1 - fx) * (p[i + w] & 0xFF) + fx * (p[i + w + 1] & 0xFF));
                        sum += Math.abs((c[row + x] & 0xFF) - warped - offset);
                        samples++;
                    }
                }
                out[cy * cols + cx] = (float) (sum / samples);
            }
        }
    }

    /** Whether plane pixel (x, y) of the current frame comes from inside the earlier one. */
    private static boolean inside(GlobalMotion camera, int scale, double centreX, double centreY, int x, int y,
                                  int w, int h) {
        double ax = scale * x - centreX;
        double ay = scale * y - centreY;
        double px = x - camera.u(ax, ay) / scale;
        double py = y - camera.v(ax, ay) / scale;
        return px >= 0 && py >= 0 && px <= w - 1 && py <= h - 1;
    }

    /** Cells whose difference exceeds the frame's threshold; cells at -1 (outside) never move. */
    static boolean[] movingCells(float[] difference, Thresholds thresholds) {
        float[] valid = new float[difference.length];
        int n = 0;
        for (float d : difference) {
            if (d >= 0) {
                valid[n++] = d;
            }
        }
        boolean[] moving = new boolean[difference.length];
        if (n == 0) {
            return moving;
        }
        Arrays.sort(valid, 0, n);
        double threshold = thresholds.base() + thresholds.noiseGain() * valid[n / 2];
        for (int i = 0; i < difference.length; i++) {
            moving[i] = difference[i] > threshold;
        }
        return moving;
    }

    /** One 3x3 dilation: closes the gaps inside a textured object whose flat parts do not differ. */
    static boolean[] dilate(boolean[] mask, int w, int h) {
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!mask[y * w + x]) {
                    continue;
                }
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                        out[yy * w + xx] = true;
                    }
                }
            }
        }
        return out;
    }

    /** Labels the 8-connected regions of the mask 1..n in {@code labels} (0 = still); returns n. */
    static int label(boolean[] mask, int w, int h, int[] labels) {
        int[] stack = new int[mask.length];
        int count = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            count++;
            int top = 0;
            stack[top++] = start;
            labels[start] = count;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                        int j = yy * w + xx;
                        if (mask[j] && labels[j] == 0) {
                            labels[j] = count;
                            stack[top++] = j;
                        }
                    }
                }
            }
        }
        return count;
    }
}
