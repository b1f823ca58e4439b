package io.shotscope.testsupport;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Frames as interleaved 8-bit BGR arrays in memory, at the clip's own size: for tests that change
 * real footage in colour (the model reads colour thumbnails) and write it back losslessly.
 *
 * @param frames row-major BGR, each {@code width * height * 3} bytes
 */
public record ColourClip(int width, int height, double fps, List<byte[]> frames) {

    public static final int CHANNELS = 3;

    public ColourClip {
        frames = List.copyOf(frames);
        for (byte[] f : frames) {
            if (f.length != width * height * CHANNELS) {
                throw new IllegalArgumentException("frame size mismatch");
            }
        }
    }

    /** The {@code count} frames in the middle of a clip (all of them when it is shorter). */
    public static ColourClip middle(Path clip, int count) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            int skip = Math.max(0, (grabber.getLengthInVideoFrames() - count) / 2);
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            List<byte[]> frames = new ArrayList<>();
            Frame frame;
            for (int seen = 0; frames.size() < count && (frame = grabber.grabImage()) != null; seen++) {
                if (seen >= skip) {
                    frames.add(pixels(frame, width, height));
                }
            }
            return new ColourClip(width, height, grabber.getVideoFrameRate(), frames);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + clip + ": " + e.getMessage(), e);
        }
    }

    private static byte[] pixels(Frame frame, int width, int height) {
        byte[] pixels = new byte[width * height * CHANNELS];
        ByteBuffer buf = ((ByteBuffer) frame.image[0]).duplicate();
        for (int y = 0; y < height; y++) {
            buf.position(y * frame.imageStride);
            buf.get(pixels, y * width * CHANNELS, width * CHANNELS);
        }
        return pixels;
    }

    /** A new clip of {@code outWidth x outHeight} at this clip's rate, frame i being {@code render(i, this frame i)}. */
    public ColourClip map(int outWidth, int outHeight, FrameRenderer render) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            out.add(render.render(i, frames.get(i)));
        }
        return new ColourClip(outWidth, outHeight, fps, out);
    }

    /** The {@code w x h} window of a frame of this clip whose top left corner is {@code (x, y)}. */
    public byte[] window(byte[] frame, int x, int y, int w, int h) {
        if (x < 0 || y < 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("window " + w + "x" + h + "+" + x + "+" + y + " outside " + width + "x"
                    + height);
        }
        byte[] out = new byte[w * h * CHANNELS];
        for (int row = 0; row < h; row++) {
            System.arraycopy(frame, ((y + row) * width + x) * CHANNELS, out, row * w * CHANNELS, w * CHANNELS);
        }
        return out;
    }

    /** Writes the clip losslessly (FFV1 in Matroska, BGR kept as it is), so the analyser decodes these pixels. */
    public Path writeLossless(Path file) {
        return SyntheticPlates.losslessMovie(file, width, height, fps, CHANNELS, frames);
    }

    /** Draws one output frame from the index and the source frame (which it must not modify). */
    @FunctionalInterface
    public interface FrameRenderer {
        byte[] render(int frameIndex, byte[] source);
    }
}
