package io.shotscope.synth;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Decodes written movies back to RGB24 frames for the tests. */
final class Movies {
    private Movies() {
    }

    record Decoded(int width, int height, List<byte[]> frames) {

        /** Mean level of frame {@code i} over all channels. */
        double mean(int i) {
            long sum = 0;
            for (byte b : frames.get(i)) {
                sum += b & 0xff;
            }
            return sum / (double) frames.get(i).length;
        }
    }

    static Decoded decode(Path movie) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(movie.toFile())) {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.start();
            List<byte[]> frames = new ArrayList<>();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                int w = frame.imageWidth;
                byte[] rgb = new byte[3 * w * frame.imageHeight];
                ByteBuffer buf = ((ByteBuffer) frame.image[0]).duplicate();
                for (int y = 0; y < frame.imageHeight; y++) {
                    buf.position(y * frame.imageStride);
                    buf.get(rgb, 3 * y * w, 3 * w);
                }
                frames.add(rgb);
            }
            return new Decoded(grabber.getImageWidth(), grabber.getImageHeight(), frames);
        }
    }
}
