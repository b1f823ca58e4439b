package io.shotscope.synth;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Writes RGB24 frames to a Matroska movie with the bundled FFmpeg, bit-exact and single-threaded. */
final class MovieWriter implements AutoCloseable {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final int width;
    private final int height;

    MovieWriter(Path file, SynthConfig config) throws Exception {
        width = config.width();
        height = config.height();
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("matroska");
        recorder.setFrameRate(config.fps());
        recorder.setGopSize(config.frames());
        // no timestamps, library versions or random ids in the file: same frames, same bytes
        recorder.setOption("fflags", "+bitexact");
        recorder.setVideoOption("flags", "+bitexact");
        recorder.setVideoOption("threads", "1");
        if (config.codec() == SynthConfig.Codec.FFV1) {
            recorder.setVideoCodecName("ffv1");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        } else {
            recorder.setVideoCodecName("mjpeg");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            recorder.setVideoQuality(2);
        }
        recorder.start();
        frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
    }

    void write(byte[] rgb) throws Exception {
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        for (int y = 0; y < height; y++) {
            buffer.position(y * frame.imageStride);
            buffer.put(rgb, 3 * y * width, 3 * width);
        }
        buffer.rewind();
        recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
    }

    @Override
    public void close() throws Exception {
        try {
            recorder.stop();
        } finally {
            recorder.release();
        }
    }
}
