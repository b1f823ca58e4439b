package io.shotscope.metrics;

/**
 * {@code object_count}: how many separate things move apart from the camera, however slowly, each
 * counted once whatever its speed. It compares the current frame with the start of its
 * {@link FrameSpan} (up to {@value FrameSpan#FRAMES} analysed frames back), warped by the camera's
 * motion over the span: across four frames an object moving under a pixel per frame still shows,
 * which a one-frame difference ({@code objects}) misses. On synthetic shots the per-shot mean reads
 * the object count at Pearson r 0.85, against 0.75 for {@code objects}' regions (docs/model.md).
 *
 * <p>The regions are those {@link MovingRegions} finds across the span, moving by more than
 * {@code 16 + 1.5 x} the frame's median cell difference (a span's difference is larger than a
 * step's), of at least {@value #MIN_CELLS} cells and at most 70 % of the frame tall;
 * {@code score = 1 - exp(-regions / }{@value #COUNT_SCALE}{@code )}: one region scores 0.28, three
 * 0.63. A fast object can show twice, where it is and where it was at the start of the span.
 *
 * <p>Raw measurements: {@code [score, regions]}. Undefined (NaN) on the first frame; the analyser
 * gives it the first defined value.
 */
public final class ObjectCountMetric implements ComplexityMetric {
    /** Smallest region that counts, in cells (about 1 % of a 40 x 22 grid). */
    static final int MIN_CELLS = 8;
    /** The regions of a span: thresholds chosen on synthetic shots (docs/model.md, 2026-11-25). */
    static final MovingRegions.Thresholds THRESHOLDS = new MovingRegions.Thresholds(16, 1.5, MIN_CELLS, 0.7);
    /** Regions that score 0.63. */
    static final double COUNT_SCALE = 3;

    /** Index of the region count in the raw measurements. */
    static final int REGIONS = 1;

    @Override
    public String key() {
        return "object_count";
    }

    @Override
    public double[] measure(FrameContext frame) {
        FrameSpan span = frame.span();
        if (frame.motion() == null || span == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int regions = MovingRegions.speeds(frame, span.start(), span.camera(), span.brightnessOffset(),
                THRESHOLDS).length;
        return new double[] {Scores.saturating(regions, COUNT_SCALE), regions};
    }
}
