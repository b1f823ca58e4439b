package io.shotscope.video;

/**
 * A plate being decoded, one frame at a time, into 8-bit luma planes at the analysis size.
 * Not thread-safe: one decoding thread owns it. Always close it (it holds native decoders).
 */
public interface PlateSource extends AutoCloseable {

    PlateInfo info();

    /**
     * Decodes the next frame. When {@code target} is not null the frame is converted into it
     * (its size must be the one given to {@link PlateSources#open}); when it is null the frame is
     * only decoded, which is how frames skipped by a stride are passed over cheaply.
     *
     * @return the frame number decoded, or {@link #END} when there are no more frames
     */
    int next(Picture target) throws PlateException;

    /** Returned by {@link #next} after the last frame. */
    int END = Integer.MIN_VALUE;

    @Override
    void close();
}
