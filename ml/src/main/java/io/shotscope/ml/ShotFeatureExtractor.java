package io.shotscope.ml;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.FrameTap;
import io.shotscope.analysis.MetricSummary;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.analysis.ShotReport;
import io.shotscope.analysis.Thumbnail;
import io.shotscope.analysis.ThumbnailSampler;
import io.shotscope.video.PlateException;
import java.util.List;

/**
 * Analyses a plate and turns it into the model's input: T frames spread over the shot, each with
 * its metric scores and an RGB thumbnail. One analysis serves both the report and the model.
 */
public final class ShotFeatureExtractor implements AutoCloseable {

    /** Thumbnails kept while analysing (bounded whatever the shot length); T are picked from them. */
    static final int THUMBNAILS_KEPT = 4 * ShotFeatures.FRAMES;

    private final ShotAnalyzer analyzer;

    public ShotFeatureExtractor(AnalysisOptions options) {
        this.analyzer = new ShotAnalyzer(options);
    }

    /** A plate's report and its model input. */
    public record Extracted(ShotReport report, ShotFeatures features) {
    }

    public Extracted extract(String input, ProgressListener progress) throws PlateException {
        return extract(input, progress, FrameTap.NONE);
    }

    /** As {@link #extract(String, ProgressListener)}, and {@code alsoSees} sees every analysed frame too. */
    public Extracted extract(String input, ProgressListener progress, FrameTap alsoSees) throws PlateException {
        ThumbnailSampler sampler = new ThumbnailSampler(ShotFeatures.WIDTH, ShotFeatures.HEIGHT, THUMBNAILS_KEPT);
        FrameTap both = (index, frame) -> {
            sampler.frame(index, frame);
            alsoSees.frame(index, frame);
        };
        ShotReport report = analyzer.analyze(input, progress, both);
        return new Extracted(report, features(report, sampler.evenlySpread(ShotFeatures.FRAMES)));
    }

    /** The model input from a report's per-frame scores and thumbnails of some of its analysed frames. */
    static ShotFeatures features(ShotReport report, List<Thumbnail> thumbnails) {
        List<String> keys = ShotClassifier.metricKeys();
        float[][] metrics = new float[thumbnails.size()][keys.size()];
        float[][] frames = new float[thumbnails.size()][];
        for (int t = 0; t < thumbnails.size(); t++) {
            Thumbnail thumbnail = thumbnails.get(t);
            for (int m = 0; m < keys.size(); m++) {
                MetricSummary summary = report.metrics().get(keys.get(m));
                metrics[t][m] = summary.frameScores().get(thumbnail.analysedIndex()).floatValue();
            }
            frames[t] = channelsFirst(thumbnail);
        }
        return new ShotFeatures(metrics, frames);
    }

    /** Interleaved 8-bit RGB to channel-first floats in [0, 1]. */
    static float[] channelsFirst(Thumbnail thumbnail) {
        int plane = thumbnail.width() * thumbnail.height();
        float[] chw = new float[3 * plane];
        byte[] rgb = thumbnail.rgb();
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = (rgb[3 * p + c] & 0xFF) / 255f;
            }
        }
        return chw;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
