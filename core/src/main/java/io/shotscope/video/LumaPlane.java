package io.shotscope.video;

/** An 8-bit luma image, row-major with stride equal to width. Mutable so buffers can be pooled. */
public final class LumaPlane {
    public final int width;
    public final int height;
    public final byte[] pixels;

    public LumaPlane(int width, int height) {
        this(width, height, new byte[width * height]);
    }

    public LumaPlane(int width, int height, byte[] pixels) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixels length " + pixels.length + " != " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Luma at (x, y) as 0..255; for tests and slow paths only. */
    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /** Writes the 2x2 box-filtered half-size version of this plane into {@code target}. */
    public void downsampleInto(LumaPlane target) {
        if (target.width != width / 2 || target.height != height / 2) {
            throw new IllegalArgumentException("target must be " + width / 2 + "x" + height / 2);
        }
        byte[] src = pixels;
        byte[] dst = target.pixels;
        int tw = target.width;
        for (int y = 0; y < target.height; y++) {
            int r0 = 2 * y * width;
            int r1 = r0 + width;
            int o = y * tw;
            for (int x = 0; x < tw; x++) {
                int s = (src[r0 + 2 * x] & 0xFF) + (src[r0 + 2 * x + 1] & 0xFF)
                        + (src[r1 + 2 * x] & 0xFF) + (src[r1 + 2 * x + 1] & 0xFF);
                dst[o + x] = (byte) ((s + 2) >> 2);
            }
        }
    }
}
