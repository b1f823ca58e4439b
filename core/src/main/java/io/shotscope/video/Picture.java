package io.shotscope.video;

/**
 * One decoded frame as 8-bit YCbCr 4:2:0: full-size luma and half-size chroma planes (sizes
 * rounded up). The metrics read only {@link #luma}; colour is kept for thumbnails. Mutable so
 * buffers can be pooled.
 */
public final class Picture {
    public final LumaPlane luma;
    public final LumaPlane cb;
    public final LumaPlane cr;

    public Picture(int width, int height) {
        this.luma = new LumaPlane(width, height);
        this.cb = new LumaPlane((width + 1) / 2, (height + 1) / 2);
        this.cr = new LumaPlane((width + 1) / 2, (height + 1) / 2);
    }

    public int width() {
        return luma.width;
    }

    public int height() {
        return luma.height;
    }
}
