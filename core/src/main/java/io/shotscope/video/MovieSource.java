package io.shotscope.video;

import java.nio.file.Path;
import java.util.List;

/** A movie file decoded by one FFmpeg decoder. */
final class MovieSource implements PlateSource {

    /** Frames a container may over-declare (edit lists, B-frame delay) before we call it truncated. */
    private static final int DECLARED_FRAMES_TOLERANCE = 2;

    private final FfmpegDecoder decoder;
    private final PlateInfo info;
    private final long expectedFrames;
    private int decoded;

    private MovieSource(FfmpegDecoder decoder, PlateInfo info) {
        this.decoder = decoder;
        this.info = info;
        this.expectedFrames = decoder.expectedFrames();
    }

    static MovieSource open(Path file, DecodeOptions options) throws PlateException {
        FfmpegDecoder decoder = FfmpegDecoder.open(file, options.limits());
        long missingBytes = decoder.bytesMissingPerIndex();
        if (missingBytes > 0) {
            decoder.close();
            throw new PlateException("truncated: the file ends " + missingBytes
                    + " bytes before the last frame its index lists");
        }
        double fps = options.fps() != null ? options.fps() : decoder.frameRate();
        if (!(fps > 0) || Double.isInfinite(fps)) {
            fps = DecodeOptions.DEFAULT_SEQUENCE_FPS;
        }
        PlateInfo info = new PlateInfo(PlateKind.MOVIE, List.of(file), stemOf(file), decoder.width(),
                decoder.height(), fps, 0, decoder.declaredFrames(), List.of(), decoder.codec());
        return new MovieSource(decoder, info);
    }

    @Override
    public PlateInfo info() {
        return info;
    }

    @Override
    public int next(Picture target) throws PlateException {
        if (!decoder.next(target)) {
            checkComplete();
            return END;
        }
        return decoded++;
    }

    private void checkComplete() throws PlateException {
        if (decoded == 0) {
            throw new PlateException("no frames could be decoded (empty, truncated or unsupported video)");
        }
        long declared = info.declaredFrames();
        if (declared > 0 && decoded < declared - DECLARED_FRAMES_TOLERANCE) {
            throw new PlateException("truncated or corrupt: decoded " + decoded + " of " + declared
                    + " frames the container declares");
        }
        // no frame count (Matroska, MXF): the duration times the rate, give or take 5%
        if (declared <= 0 && expectedFrames > 0
                && decoded < expectedFrames * 0.95 - DECLARED_FRAMES_TOLERANCE) {
            throw new PlateException("truncated or corrupt: decoded " + decoded + " frames where the container's"
                    + " duration holds about " + expectedFrames);
        }
    }

    @Override
    public void close() {
        decoder.close();
    }

    static String stemOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
