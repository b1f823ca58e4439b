package io.shotscope.video;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One file opened with FFmpeg, decoding video frames to 8-bit luma scaled to the caller's plane.
 * Shared by {@link MovieSource} (one decoder for the whole plate) and {@link SequenceSource}
 * (one decoder per frame file).
 */
final class FfmpegDecoder implements AutoCloseable {

    /** EXR holds scene-linear light: FFmpeg's EXR decoder applies the sRGB transfer when asked. */
    private static final String EXR_TRANSFER = "iec61966_2_1";

    /**
     * The only demuxers FFmpeg may pick when probing a file: movie containers, raw video streams and
     * still images. Playlists and scripts (hls, concat, ...) would make FFmpeg open other files or
     * URLs named inside an upload, so they are never probed.
     */
    static final String FORMAT_WHITELIST = String.join(",", "mov", "mp4", "m4a", "3gp", "3g2", "mj2",
            "matroska", "webm", "avi", "mxf", "mpeg", "mpegts", "m4v", "h264", "hevc", "image2",
            "png_pipe", "jpeg_pipe", "exr_pipe", "dpx_pipe", "tiff_pipe");
    /** Plates are local files: no network or pipe protocol is ever opened. */
    static final String PROTOCOL_WHITELIST = "file";

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private final FFmpegFrameGrabber grabber;
    private final int width;
    private final int height;

    private FfmpegDecoder(FFmpegFrameGrabber grabber) {
        this.grabber = grabber;
        this.width = grabber.getImageWidth();
        this.height = grabber.getImageHeight();
    }

    /**
     * Opens {@code file} and reads its header; fails with a one-line reason. The frame size, frame
     * count and duration the headers declare are checked against {@code limits} before FFmpeg
     * decodes anything, and again once the stream has been probed.
     */
    static FfmpegDecoder open(Path file, InputLimits limits) throws PlateException {
        checkDeclaredHeader(file, limits);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        grabber.setImageScalingFlags(swscale.SWS_AREA);
        grabber.setOption("format_whitelist", FORMAT_WHITELIST);
        grabber.setOption("protocol_whitelist", PROTOCOL_WHITELIST);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".exr")) {
            grabber.setVideoOption("apply_trc", EXR_TRANSFER);
        }
        try {
            // Stream info must be probed: without it the image2 demuxer (every sequence frame) and
            // MPEG-4 Part 2 in MP4 report a 0x0 frame size and the plate is refused.
            grabber.start(true);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw new PlateException(openFailure(file, e));
        }
        if (!grabber.hasVideo()) {
            closeQuietly(grabber);
            throw new PlateException("no video stream (audio-only or not a video)");
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            int codec = grabber.getVideoCodec();
            closeQuietly(grabber);
            if (avcodec.avcodec_find_decoder(codec) == null) {
                throw new PlateException("unsupported codec: FFmpeg has no decoder for the video stream");
            }
            throw new PlateException("corrupt or truncated " + avcodec.avcodec_get_name(codec).getString()
                    + " data: no picture could be decoded");
        }
        FfmpegDecoder decoder = new FfmpegDecoder(grabber);
        try {
            limits.checkFrameSize(decoder.width, decoder.height);
            decoder.checkLength(limits);
        } catch (PlateException e) {
            decoder.close();
            throw e;
        }
        return decoder;
    }

    /**
     * The header as written, before any decoding: the image header of a PNG or JPEG (FFmpeg's image
     * demuxers learn the size only by decoding), otherwise the container's stream parameters.
     */
    private static void checkDeclaredHeader(Path file, InputLimits limits) throws PlateException {
        java.util.Optional<ImageHeader.Size> image = ImageHeader.read(file);
        if (image.isPresent()) {
            limits.checkFrameSize(image.get().width(), image.get().height());
            return;
        }
        AVFormatContext context = openHeader(file);
        if (context == null) {
            return; // the grabber reports why it cannot be opened
        }
        try {
            for (int i = 0; i < context.nb_streams(); i++) {
                AVStream stream = context.streams(i);
                AVCodecParameters codec = stream.codecpar();
                if (codec.codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    limits.checkFrameSize(codec.width(), codec.height());
                    limits.checkFrameCount(stream.nb_frames());
                }
            }
            checkDuration(context, limits);
        } finally {
            avformat.avformat_close_input(context);
        }
    }

    /** The container header read with the same whitelists as the decoder, or null when it cannot be. */
    private static AVFormatContext openHeader(Path file) {
        AVFormatContext context = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        try {
            avutil.av_dict_set(options, "format_whitelist", FORMAT_WHITELIST, 0);
            avutil.av_dict_set(options, "protocol_whitelist", PROTOCOL_WHITELIST, 0);
            return avformat.avformat_open_input(context, file.toString(), null, options) < 0 ? null : context;
        } finally {
            avutil.av_dict_free(options);
        }
    }

    private void checkLength(InputLimits limits) throws PlateException {
        limits.checkFrameCount(declaredFrames());
        checkDuration(grabber.getFormatContext(), limits);
    }

    private static void checkDuration(AVFormatContext context, InputLimits limits) throws PlateException {
        long duration = context.duration();
        if (duration > 0) {
            limits.checkDuration(java.time.Duration.ofMillis(duration / (avutil.AV_TIME_BASE / 1000)));
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double frameRate() {
        return grabber.getVideoFrameRate();
    }

    String codec() {
        return orUnknown(grabber.getVideoCodecName());
    }

    /** Frames the container declares for the video stream, or -1 when it does not say. */
    long declaredFrames() {
        for (int i = 0; i < grabber.getFormatContext().nb_streams(); i++) {
            AVStream stream = grabber.getFormatContext().streams(i);
            if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO && stream.nb_frames() > 0) {
                return stream.nb_frames();
            }
        }
        return -1;
    }

    /**
     * Frames to expect: the declared count, else the container's duration times the frame rate
     * (Matroska, MXF), or -1 when neither is known. An estimate: compare it with a margin.
     */
    long expectedFrames() {
        long declared = declaredFrames();
        if (declared > 0) {
            return declared;
        }
        long duration = grabber.getFormatContext().duration();
        double fps = grabber.getVideoFrameRate();
        if (duration <= 0 || !(fps > 0) || Double.isInfinite(fps)) {
            return -1;
        }
        return Math.round(duration / (double) avutil.AV_TIME_BASE * fps);
    }

    /**
     * Bytes missing from the end of the file according to the container's sample index (MP4 and
     * QuickTime list every frame's position up front), or 0 when the index fits in the file.
     */
    long bytesMissingPerIndex() {
        AVFormatContext context = grabber.getFormatContext();
        if (context.pb() == null) {
            return 0;
        }
        long fileSize = avformat.avio_size(context.pb());
        long end = 0;
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            int entries = avformat.avformat_index_get_entries_count(stream);
            if (entries > 0) {
                AVIndexEntry last = avformat.avformat_index_get_entry(stream, entries - 1);
                end = Math.max(end, last.pos() + last.size());
            }
        }
        return fileSize > 0 && end > fileSize ? end - fileSize : 0;
    }

    /**
     * Decodes the next video frame; converts it into {@code target} unless that is null.
     *
     * @return false at the end of the stream
     */
    boolean next(Picture target) throws PlateException {
        if (target != null) {
            grabber.setImageWidth(target.width());
            grabber.setImageHeight(target.height());
        }
        Frame frame;
        try {
            frame = grabber.grabFrame(false, true, target != null, false, false);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new PlateException("decoding failed: " + oneLine(e.getMessage()));
        }
        if (frame == null) {
            return false;
        }
        if (target != null) {
            if (frame.image == null || frame.imageWidth != target.width() || frame.imageHeight != target.height()) {
                throw new PlateException("decoder returned no image for a video frame");
            }
            copyPlanes((ByteBuffer) frame.image[0], frame.imageStride, target);
        }
        return true;
    }

    /**
     * JavaCV hands planar YUV 4:2:0 as one buffer: the luma rows at {@code stride}, then Cb and Cr
     * packed at half the stride (rounded up), one after the other. The buffer's limit covers only
     * the luma plane, its capacity all three.
     */
    private static void copyPlanes(ByteBuffer src, int stride, Picture target) {
        ByteBuffer buffer = src.duplicate();
        buffer.limit(buffer.capacity());
        int chromaStride = (stride + 1) / 2;
        int offset = copyPlane(buffer, 0, stride, target.luma);
        offset = copyPlane(buffer, offset, chromaStride, target.cb);
        copyPlane(buffer, offset, chromaStride, target.cr);
    }

    private static int copyPlane(ByteBuffer buffer, int offset, int stride, LumaPlane plane) {
        for (int y = 0; y < plane.height; y++) {
            buffer.position(offset + y * stride);
            buffer.get(plane.pixels, y * plane.width, plane.width);
        }
        return offset + stride * plane.height;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // nothing more can be done with a decoder that fails to close
        }
    }

    private static String openFailure(Path file, Exception e) {
        String message = oneLine(e.getMessage());
        if (message.contains("Did not find a video or audio stream")) {
            return noStreamReason(file);
        }
        if (message.contains("Unsupported video format or codec") || message.contains("avcodec_find_decoder")) {
            return "unsupported codec";
        }
        if (message.contains("-1094995529") || message.contains("Invalid data")) {
            return "not a video or image FFmpeg can read (invalid data; truncated or not a video)";
        }
        if (message.contains("error -22")) {
            return "not a video or image shotscope reads (the container is not one it allows)";
        }
        if (message.contains("-13")) {
            return "permission denied";
        }
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("error (-\\d+)").matcher(message);
        if (code.find()) {
            int error = Integer.parseInt(code.group(1));
            if (error == avutil.AVERROR_EOF()) {
                return "truncated: the file ends inside its header";
            }
            return "not a video or image FFmpeg can read (" + describeError(error) + ")";
        }
        // JavaCV quotes the path and points at its log callback; the caller prints the input itself
        String reason = message.replace(file.toAbsolutePath().toString(), "the file").replace(file.toString(), "the file")
                .replaceAll("\\s*\\(For more details.*$", "");
        return "cannot open: " + reason;
    }

    private static String describeError(int error) {
        byte[] text = new byte[256];
        if (avutil.av_strerror(error, text, text.length) < 0) {
            return "error " + error;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    /** Why JavaCV found no stream to decode: a video stream no decoder knows, or no video at all. */
    private static String noStreamReason(Path file) {
        AVFormatContext context = openHeader(file);
        if (context == null) {
            return "not a video or image FFmpeg can read";
        }
        try {
            avformat.avformat_find_stream_info(context, (PointerPointer<?>) null);
            for (int i = 0; i < context.nb_streams(); i++) {
                AVCodecParameters codec = context.streams(i).codecpar();
                if (codec.codec_type() == avutil.AVMEDIA_TYPE_VIDEO
                        && avcodec.avcodec_find_decoder(codec.codec_id()) == null) {
                    return "unsupported codec: FFmpeg has no decoder for the video stream";
                }
            }
            return "no video stream (empty movie, audio-only or not a video)";
        } finally {
            avformat.avformat_close_input(context);
        }
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
