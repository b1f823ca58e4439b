package io.shotscope.video;

import java.util.List;

/** An image sequence: each frame file is opened with its own FFmpeg decoder, in frame order. */
final class SequenceSource implements PlateSource {

    private final ImageSequence sequence;
    private final PlateInfo info;
    private final InputLimits limits;
    private int position;

    private SequenceSource(ImageSequence sequence, PlateInfo info, InputLimits limits) {
        this.sequence = sequence;
        this.info = info;
        this.limits = limits;
    }

    static SequenceSource open(ImageSequence sequence, DecodeOptions options) throws PlateException {
        if (!sequence.missing().isEmpty() && !options.allowGaps()) {
            throw new PlateException("sequence has gaps: missing frames "
                    + ImageSequence.describeFrames(sequence.missing()) + " (use --allow-gaps to analyse anyway)");
        }
        options.limits().checkFrameCount(sequence.frames().size());
        ImageSequence.Frame first = sequence.frames().get(0);
        int width;
        int height;
        String codec;
        try (FfmpegDecoder decoder = openFrame(first, options.limits())) {
            width = decoder.width();
            height = decoder.height();
            codec = decoder.codec();
        }
        double fps = options.fps() != null ? options.fps() : DecodeOptions.DEFAULT_SEQUENCE_FPS;
        List<java.nio.file.Path> files = sequence.frames().stream().map(ImageSequence.Frame::file).toList();
        PlateInfo info = new PlateInfo(PlateKind.SEQUENCE, files, sequence.stem(), width, height, fps,
                first.number(), sequence.frames().size(), sequence.missing(), codec);
        return new SequenceSource(sequence, info, options.limits());
    }

    @Override
    public PlateInfo info() {
        return info;
    }

    @Override
    public int next(Picture target) throws PlateException {
        if (position >= sequence.frames().size()) {
            return END;
        }
        ImageSequence.Frame frame = sequence.frames().get(position++);
        if (target == null) {
            return frame.number();
        }
        try (FfmpegDecoder decoder = openFrame(frame, limits)) {
            if (decoder.width() != info.width() || decoder.height() != info.height()) {
                throw new PlateException(describe(frame) + ": frame size " + decoder.width() + "x" + decoder.height()
                        + " differs from the first frame's " + info.width() + "x" + info.height());
            }
            if (!decoder.next(target)) {
                throw new PlateException(describe(frame) + ": holds no image (corrupt or truncated)");
            }
        }
        return frame.number();
    }

    private static FfmpegDecoder openFrame(ImageSequence.Frame frame, InputLimits limits) throws PlateException {
        try {
            return FfmpegDecoder.open(frame.file(), limits);
        } catch (PlateException e) {
            throw new PlateException(describe(frame) + ": " + e.getMessage());
        }
    }

    private static String describe(ImageSequence.Frame frame) {
        return "frame " + frame.number() + " (" + frame.file().getFileName() + ")";
    }

    @Override
    public void close() {
        // each frame's decoder is closed as soon as it has been read
    }
}
