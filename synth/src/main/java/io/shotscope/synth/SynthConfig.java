package io.shotscope.synth;

/**
 * Size, length and encoding of the rendered shots.
 *
 * <p>Distances in {@link LatentFactors} are in <em>reference pixels</em>: pixels of a frame
 * {@link #REFERENCE_WIDTH} wide. A shot rendered at another width scales them, so the same factors
 * (and the same label) describe the same look at any size.
 *
 * @param width   frame width in pixels (default 320)
 * @param height  frame height in pixels (default 180, 16:9)
 * @param frames  frames per shot (default 48, two seconds)
 * @param fps     frame rate (default 24)
 * @param codec   how the movies are encoded (default {@link Codec#FFV1}, lossless)
 * @param threads shots rendered at once (default: the number of cores)
 */
public record SynthConfig(int width, int height, int frames, double fps, Codec codec, int threads) {

    /** Width that {@link LatentFactors} distances are expressed in. */
    public static final int REFERENCE_WIDTH = 320;

    /** The background is this many times larger than the frame on each side, so the camera can travel. */
    public static final double BACKGROUND_SCALE = 2.0;

    /** Most sub-frame samples averaged for motion blur. */
    public static final int MAX_SUBFRAMES = 8;

    /** 320x180, 48 frames at 24 fps, FFV1, one shot per core. */
    public static final SynthConfig DEFAULT =
            new SynthConfig(320, 180, 48, 24, Codec.FFV1, Runtime.getRuntime().availableProcessors());

    /** Movie encodings; both are written in Matroska ({@code .mkv}). */
    public enum Codec {
        /** Lossless FFV1, yuv420p. About 2-3 MB per default shot with grain. */
        FFV1,
        /** Intra-only Motion JPEG at quality 2 (near lossless), yuvj420p. About a third of FFV1's size. */
        MJPEG
    }

    public SynthConfig {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frame size must be even and at least 16x16: " + width + "x" + height);
        }
        if (frames < 8) {
            throw new IllegalArgumentException("a shot needs at least 8 frames: " + frames);
        }
        if (!(fps > 0) || threads < 1 || codec == null) {
            throw new IllegalArgumentException("fps and threads must be positive and codec given");
        }
    }

    public SynthConfig withSize(int newWidth, int newHeight) {
        return new SynthConfig(newWidth, newHeight, frames, fps, codec, threads);
    }

    public SynthConfig withFrames(int newFrames) {
        return new SynthConfig(width, height, newFrames, fps, codec, threads);
    }

    public SynthConfig withCodec(Codec newCodec) {
        return new SynthConfig(width, height, frames, fps, newCodec, threads);
    }

    public SynthConfig withThreads(int newThreads) {
        return new SynthConfig(width, height, frames, fps, codec, newThreads);
    }

    /** Screen pixels per reference pixel. */
    double pixelScale() {
        return width / (double) REFERENCE_WIDTH;
    }
}
