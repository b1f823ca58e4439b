package io.shotscope.analysis;

import io.shotscope.metrics.AnalysisFrame;
import io.shotscope.video.LumaPlane;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps small RGB thumbnails spread evenly over a shot of any length in bounded memory: it keeps
 * every k-th analysed frame, and when more than {@code maxKept} are held it drops every other one
 * and doubles k. Between {@code maxKept / 2} and {@code maxKept} thumbnails remain (all of them
 * for short shots).
 */
public final class ThumbnailSampler implements FrameTap {

    private final int width;
    private final int height;
    private final int maxKept;
    private final List<Thumbnail> kept = new ArrayList<>();
    private int keepEvery = 1;

    public ThumbnailSampler(int width, int height, int maxKept) {
        if (maxKept < 2) {
            throw new IllegalArgumentException("maxKept must be at least 2");
        }
        this.width = width;
        this.height = height;
        this.maxKept = maxKept;
    }

    @Override
    public void frame(int analysedIndex, AnalysisFrame frame) {
        if (analysedIndex % keepEvery != 0) {
            return;
        }
        kept.add(new Thumbnail(analysedIndex, frame.frameNumber(), width, height, render(frame)));
        if (kept.size() > maxKept) {
            keepEvery *= 2;
            kept.removeIf(t -> t.analysedIndex() % keepEvery != 0);
        }
    }

    /** Every thumbnail kept, in frame order. */
    public List<Thumbnail> thumbnails() {
        return List.copyOf(kept);
    }

    /** {@code count} thumbnails spread evenly over the kept ones (repeating some when fewer are kept). */
    public List<Thumbnail> evenlySpread(int count) {
        List<Thumbnail> out = new ArrayList<>(count);
        if (kept.isEmpty()) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            int j = count == 1 ? 0 : (int) Math.round(i * (kept.size() - 1) / (double) (count - 1));
            out.add(kept.get(j));
        }
        return out;
    }

    /** Box-averages the quarter-size luma and the chroma down to the thumbnail, then YCbCr (BT.601) to RGB. */
    private byte[] render(AnalysisFrame frame) {
        LumaPlane y = frame.quarter;
        LumaPlane cb = frame.picture.cb;
        LumaPlane cr = frame.picture.cr;
        byte[] rgb = new byte[width * height * 3];
        for (int ty = 0; ty < height; ty++) {
            int y0 = ty * y.height / height;
            int y1 = Math.max(y0 + 1, (ty + 1) * y.height / height);
            for (int tx = 0; tx < width; tx++) {
                int x0 = tx * y.width / width;
                int x1 = Math.max(x0 + 1, (tx + 1) * y.width / width);
                double luma = average(y, x0, y0, x1, y1, 1);
                // the quarter plane is half the chroma planes' size: chroma block = 2x the luma block
                double u = average(cb, 2 * x0, 2 * y0, 2 * x1, 2 * y1, 2) - 128;
                double v = average(cr, 2 * x0, 2 * y0, 2 * x1, 2 * y1, 2) - 128;
                double l = 1.164 * (luma - 16);
                int o = (ty * width + tx) * 3;
                rgb[o] = clampByte(l + 1.596 * v);
                rgb[o + 1] = clampByte(l - 0.392 * u - 0.813 * v);
                rgb[o + 2] = clampByte(l + 2.017 * u);
            }
        }
        return rgb;
    }

    private static double average(LumaPlane p, int x0, int y0, int x1, int y1, int step) {
        long sum = 0;
        int n = 0;
        int xe = Math.min(x1, p.width);
        int ye = Math.min(y1, p.height);
        for (int yy = Math.min(y0, p.height - 1); yy < ye; yy += step) {
            int row = yy * p.width;
            for (int xx = Math.min(x0, p.width - 1); xx < xe; xx += step) {
                sum += p.pixels[row + xx] & 0xFF;
                n++;
            }
        }
        return n == 0 ? 128 : (double) sum / n;
    }

    private static byte clampByte(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
