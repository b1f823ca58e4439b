package io.shotscope.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Assumptions;

/**
 * Plates written at test time: movies in several containers and codecs, image sequences in the
 * formats VFX pipelines deliver, and damaged files. Frames are a colour gradient with a checker
 * that moves one step per frame, so consecutive frames differ.
 */
public final class SyntheticPlates {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private SyntheticPlates() {
    }

    // ---------------------------------------------------------------- movies

    /** A movie codec in a container, with the pixel format and options its encoder needs. */
    public record MovieFormat(String container, String codec, int pixelFormat, Map<String, String> options) {
        public static final MovieFormat MOV_PRORES =
                new MovieFormat("mov", "prores_ks", avutil.AV_PIX_FMT_YUV422P10LE, Map.of("profile", "0"));
        public static final MovieFormat MP4_MPEG4 =
                new MovieFormat("mp4", "mpeg4", avutil.AV_PIX_FMT_YUV420P, Map.of());
        public static final MovieFormat MKV_FFV1 =
                new MovieFormat("matroska", "ffv1", avutil.AV_PIX_FMT_YUV420P, Map.of());
        public static final MovieFormat MKV_MPEG4 =
                new MovieFormat("matroska", "mpeg4", avutil.AV_PIX_FMT_YUV420P, Map.of());
        public static final MovieFormat AVI_MJPEG =
                new MovieFormat("avi", "mjpeg", avutil.AV_PIX_FMT_YUVJ420P, Map.of());
        /** DNxHR LB, unlike DNxHD, is not tied to fixed sizes and bitrates (but see {@link #DNXHR_WIDTH}). */
        public static final MovieFormat MXF_DNXHR =
                new MovieFormat("mxf", "dnxhd", avutil.AV_PIX_FMT_YUV422P, Map.of("profile", "dnxhr_lb"));
        /** Frame size DNxHR accepts (multiples of 16; 160x90 is refused). */
        public static final int DNXHR_WIDTH = 256;
        public static final int DNXHR_HEIGHT = 144;
        /** H.264 through Cisco's OpenH264, the only H.264 encoder the bundled FFmpeg has. */
        public static final MovieFormat MP4_H264 =
                new MovieFormat("mp4", "libopenh264", avutil.AV_PIX_FMT_YUV420P, Map.of());

        @Override
        public String toString() {
            return container + "/" + codec;
        }
    }

    /** True when the bundled FFmpeg can encode {@code codec}. */
    public static boolean hasEncoder(String codec) {
        return avcodec.avcodec_find_encoder_by_name(codec) != null;
    }

    /** Skips the calling test when the bundled FFmpeg has no encoder named {@code codec}. */
    public static void assumeEncoder(String codec) {
        Assumptions.assumeTrue(hasEncoder(codec), "SKIPPED: the bundled FFmpeg has no " + codec + " encoder");
    }

    /** Writes {@code frames} frames of {@code width x height} at 24 fps. */
    public static Path movie(Path file, MovieFormat format, int width, int height, int frames) {
        return movie(file, format, width, height, frames, 24, Map.of());
    }

    /**
     * Writes a movie.
     *
     * @param formatOptions muxer options, e.g. {@code movflags=+faststart}
     */
    public static Path movie(Path file, MovieFormat format, int width, int height, int frames, double fps,
            Map<String, String> formatOptions) {
        assumeEncoder(format.codec());
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat(format.container());
            recorder.setVideoCodecName(format.codec());
            recorder.setPixelFormat(format.pixelFormat());
            recorder.setFrameRate(fps);
            recorder.setGopSize(12);
            recorder.setVideoQuality(4);
            format.options().forEach(recorder::setVideoOption);
            formatOptions.forEach(recorder::setOption);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                recorder.record(rgb24(width, height, i), avutil.AV_PIX_FMT_RGB24);
            }
            recorder.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + format + " to " + file.getFileName() + ": " + e, e);
        }
        return file;
    }

    /**
     * Writes an in-memory grey clip losslessly (FFV1 in Matroska), so a transformed copy of real
     * footage reaches the analyser through the real decoder with no compression in between.
     */
    public static Path losslessMovie(Path file, GrayClip clip) {
        return losslessMovie(file, clip.width(), clip.height(), clip.fps(), 1, clip.frames());
    }

    /**
     * Writes row-major 8-bit frames of 1 (grey) or 3 (BGR) channels as lossless FFV1 in Matroska,
     * keeping the pixels as they are (grey stays grey, BGR is stored as BGR).
     */
    static Path losslessMovie(Path file, int width, int height, double fps, int channels, List<byte[]> frames) {
        int source = channels == 1 ? avutil.AV_PIX_FMT_GRAY8 : avutil.AV_PIX_FMT_BGR24;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat("matroska");
            recorder.setVideoCodecName("ffv1");
            recorder.setPixelFormat(channels == 1 ? avutil.AV_PIX_FMT_GRAY8 : avutil.AV_PIX_FMT_BGR0);
            recorder.setFrameRate(fps);
            recorder.start();
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, channels);
            ByteBuffer buffer = (ByteBuffer) frame.image[0];
            int row = width * channels;
            for (byte[] pixels : frames) {
                for (int y = 0; y < height; y++) {
                    buffer.position(y * frame.imageStride);
                    buffer.put(pixels, y * row, row);
                }
                buffer.rewind();
                recorder.record(frame, source);
            }
            recorder.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + file.getFileName() + ": " + e, e);
        }
        return file;
    }

    // ---------------------------------------------------------------- image sequences

    /** An image file format with the encoder, pixel format and options that produce it. */
    public enum ImageFormat {
        EXR_HALF("exr", "exr", avutil.AV_PIX_FMT_GBRPF32LE, Map.of("format", "half")),
        EXR_FLOAT("exr", "exr", avutil.AV_PIX_FMT_GBRPF32LE, Map.of("format", "float")),
        DPX_10("dpx", "dpx", avutil.AV_PIX_FMT_GBRP10LE, Map.of()),
        TIFF("tif", "tiff", avutil.AV_PIX_FMT_RGB24, Map.of()),
        PNG_8("png", "png", avutil.AV_PIX_FMT_RGB24, Map.of()),
        PNG_16("png", "png", avutil.AV_PIX_FMT_RGB48BE, Map.of()),
        JPEG("jpg", "mjpeg", avutil.AV_PIX_FMT_YUVJ420P, Map.of());

        public final String extension;
        final String codec;
        final int pixelFormat;
        final Map<String, String> options;

        ImageFormat(String extension, String codec, int pixelFormat, Map<String, String> options) {
            this.extension = extension;
            this.codec = codec;
            this.pixelFormat = pixelFormat;
            this.options = options;
        }

        boolean isFloat() {
            return codec.equals("exr");
        }
    }

    /**
     * Writes the frames {@code first .. first+count-1} of a sequence, leaving out {@code missing}.
     *
     * @param namePattern file name with a {@code String.format} frame field, e.g.
     *                    {@code "shot.%04d.exr"} (padded) or {@code "shot.%d.exr"} (unpadded)
     * @return the files written, in frame order
     */
    public static List<Path> sequence(Path dir, String namePattern, ImageFormat format, int width, int height,
            int first, int count, Set<Integer> missing) {
        List<Path> files = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            if (!missing.contains(n)) {
                Path file = dir.resolve(String.format(namePattern, n));
                image(file, format, width, height, n - first);
                files.add(file);
            }
        }
        return files;
    }

    /** Writes frame {@code index} of the moving pattern as one image. */
    public static Path image(Path file, ImageFormat format, int width, int height, int index) {
        Frame frame = format.isFloat() ? rgb48(width, height, index, -1) : rgb24(width, height, index);
        int inputFormat = format.isFloat() ? avutil.AV_PIX_FMT_RGB48LE : avutil.AV_PIX_FMT_RGB24;
        return writeImage(file, format, frame, inputFormat);
    }

    /** Writes an EXR whose every pixel holds the scene-linear value {@code linear} in R, G and B. */
    public static Path linearGrey(Path file, ImageFormat format, int width, int height, float linear) {
        if (!format.isFloat() || linear < 0 || linear > 1) {
            throw new IllegalArgumentException(format + " does not hold linear light");
        }
        return writeImage(file, format, rgb48(width, height, 0, linear), avutil.AV_PIX_FMT_RGB48LE);
    }

    private static Path writeImage(Path file, ImageFormat format, Frame frame, int inputFormat) {
        assumeEncoder(format.codec);
        try (FFmpegFrameRecorder recorder =
                     new FFmpegFrameRecorder(file.toFile(), frame.imageWidth, frame.imageHeight, 0)) {
            recorder.setFormat("image2");
            recorder.setOption("update", "1");
            recorder.setVideoCodecName(format.codec);
            recorder.setPixelFormat(format.pixelFormat);
            recorder.setFrameRate(24);
            recorder.setVideoQuality(2);
            format.options.forEach(recorder::setVideoOption);
            recorder.start();
            recorder.record(frame, inputFormat);
            recorder.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + format + " to " + file.getFileName() + ": " + e, e);
        }
        return file;
    }

    /** The moving pattern in 8-bit RGB: a colour gradient under a checker shifted by the frame index. */
    static Frame rgb24(int width, int height, int index) {
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] rgb = pattern(x, y, width, height, index);
                int o = y * frame.imageStride + 3 * x;
                pixels.put(o, (byte) rgb[0]).put(o + 1, (byte) rgb[1]).put(o + 2, (byte) rgb[2]);
            }
        }
        return frame;
    }

    /**
     * The pattern as 16-bit RGB (8-bit values scaled), or a flat {@code grey} in [0, 1] when it is
     * >= 0. swscale cannot read packed float RGB, so float formats are fed from 16 bits; that
     * keeps 1/65535 of precision, plenty for linear test values.
     */
    static Frame rgb48(int width, int height, int index, float grey) {
        Frame frame = new Frame(width, height, Frame.DEPTH_USHORT, 3);
        ShortBuffer pixels = (ShortBuffer) frame.image[0];
        int flat = Math.round(grey * 65535);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] rgb = pattern(x, y, width, height, index);
                int o = y * frame.imageStride + 3 * x;
                for (int c = 0; c < 3; c++) {
                    pixels.put(o + c, (short) (grey >= 0 ? flat : rgb[c] * 257));
                }
            }
        }
        return frame;
    }

    private static int[] pattern(int x, int y, int width, int height, int index) {
        boolean light = (((x + 4 * index) / 8) + (y / 8)) % 2 == 0;
        int base = light ? 60 : 0;
        return new int[] {
            Math.min(255, base + 160 * x / width),
            Math.min(255, base + 160 * y / height),
            Math.min(255, base + 8 * (index % 20))};
    }

    // ---------------------------------------------------------------- damaged files

    /** Keeps the first {@code fraction} of the file's bytes. */
    public static Path truncate(Path file, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file, e.g. named {@code notes.mov}. */
    public static Path textFile(Path file) {
        return write(file, "This is not a movie.\nJust some notes about the shot.\n".getBytes(StandardCharsets.UTF_8));
    }

    /** {@code size} bytes of noise (fixed seed). */
    public static Path randomBytes(Path file, int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return write(file, bytes);
    }

    /** One second of a 440 Hz tone, AAC in MP4, with no video stream. */
    public static Path audioOnly(Path file) {
        assumeEncoder("aac");
        int rate = 48000;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodecName("aac");
            recorder.setSampleRate(rate);
            recorder.setAudioBitrate(64000);
            recorder.start();
            ShortBuffer samples = ShortBuffer.allocate(rate);
            for (int i = 0; i < rate; i++) {
                samples.put(i, (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
            }
            recorder.recordSamples(rate, 1, samples);
            recorder.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write audio to " + file.getFileName() + ": " + e, e);
        }
        return file;
    }

    /**
     * A Matroska file whose video track names a codec no decoder knows: an MPEG-4 Part 2 movie
     * whose CodecID {@code V_MPEG4/ISO/ASP} is overwritten by a made-up id of the same length.
     * (FFV1 would not do: Matroska stores it as {@code V_MS/VFW/FOURCC}, the codec in a fourcc.)
     */
    public static Path unknownCodec(Path file, int width, int height, int frames) {
        movie(file, MovieFormat.MKV_MPEG4, width, height, frames);
        replaceBytes(file, "V_MPEG4/ISO/ASP", "V_NOSUCH/CODEC1");
        return file;
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length) in the file's bytes. */
    public static Path replaceBytes(Path file, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        if (a.length != b.length) {
            throw new IllegalArgumentException("replacement must keep the length");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int found = 0;
            for (int i = 0; i + a.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                    System.arraycopy(b, 0, bytes, i, b.length);
                    found++;
                }
            }
            if (found == 0) {
                throw new IllegalStateException(from + " not found in " + file.getFileName());
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
