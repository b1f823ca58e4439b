package io.shotscope.testsupport;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Frames as 8-bit luma arrays in memory, for tests that transform real footage or draw synthetic
 * frames and measure them without an encoder in between.
 *
 * @param frames row-major luma, each {@code width * height} bytes
 */
public record GrayClip(int width, int height, double fps, List<byte[]> frames) {

    public GrayClip {
        frames = List.copyOf(frames);
        for (byte[] f : frames) {
            if (f.length != width * height) {
                throw new IllegalArgumentException("frame size mismatch");
            }
        }
    }

    /** Reads up to {@code count} frames of a clip, scaled to {@code width x height}. */
    public static GrayClip read(Path clip, int count, int width, int height) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            grabber.setImageScalingFlags(swscale.SWS_AREA);
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
            grabber.start();
            List<byte[]> frames = new ArrayList<>();
            Frame frame;
            while (frames.size() < count && (frame = grabber.grabImage()) != null) {
                byte[] pixels = new byte[width * height];
                ByteBuffer buf = ((ByteBuffer) frame.image[0]).duplicate();
                for (int y = 0; y < height; y++) {
                    buf.position(y * frame.imageStride);
                    buf.get(pixels, y * width, width);
                }
                frames.add(pixels);
            }
            return new GrayClip(width, height, grabber.getVideoFrameRate(), frames);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + clip + ": " + e.getMessage(), e);
        }
    }

    /** A clip of {@code count} frames all of one grey level. */
    public static GrayClip constant(int width, int height, int count, int level) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] f = new byte[width * height];
            java.util.Arrays.fill(f, (byte) level);
            frames.add(f);
        }
        return new GrayClip(width, height, 24, frames);
    }

    /** A new clip with {@code transform(frameIndex, pixels)} applied to a copy of every frame. */
    public GrayClip map(FrameTransform transform) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            out.add(transform.apply(i, frames.get(i).clone(), width, height));
        }
        return new GrayClip(width, height, fps, out);
    }

    /** A per-frame image operation; may modify and return its input array or return a new one. */
    @FunctionalInterface
    public interface FrameTransform {
        byte[] apply(int frameIndex, byte[] pixels, int width, int height);
    }
}
