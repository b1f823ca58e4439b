package io.shotscope.jobs;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.Prediction;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.analysis.ReportJson;
import io.shotscope.analysis.ShotReport;
import io.shotscope.ml.ShotFeatureExtractor;
import io.shotscope.service.ShotscopeProperties;
import io.shotscope.store.ShotResult;
import io.shotscope.store.StoredFrame;
import io.shotscope.video.PlateException;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Analyses one plate as the CLI does (one pass for the metrics and the model input), rates it and keeps a
 * thumbnail and a filmstrip.
 */
@Component
public class ShotAnalysis {

    private final AnalysisOptions options;
    private final ShotModel model;
    private final JobMetrics metrics;

    public ShotAnalysis(ShotscopeProperties properties, ShotModel model, JobMetrics metrics) {
        ShotscopeProperties.Analysis a = properties.analysis();
        int threads = a.threads() > 0 ? a.threads() : AnalysisOptions.defaultThreads();
        this.options = new AnalysisOptions(a.decodeOptions(), a.stride(), a.maxFrames(), threads, a.size(), a.timeout());
        this.model = model;
        this.metrics = metrics;
    }

    /** What analysing a plate gives: the result to store and the filmstrip frames. */
    public record Analysed(ShotResult result, List<StoredFrame> filmstrip) {
    }

    /** The finished result of a plate; PlateException when the plate cannot be analysed (bad input). */
    public Analysed analyse(String input) throws PlateException {
        long start = System.nanoTime();
        MiddleFrameThumbnail thumbnail = new MiddleFrameThumbnail();
        try (ShotFeatureExtractor extractor = new ShotFeatureExtractor(options)) {
            ShotFeatureExtractor.Extracted extracted = extractor.extract(input, ProgressListener.NONE, thumbnail);
            ShotReport report = model.rate(extracted.report(), extracted.features());
            metrics.analysed(report.framesAnalysed(), Duration.ofNanos(System.nanoTime() - start));
            Prediction prediction = report.prediction();
            ShotResult result = new ShotResult(prediction == null ? null : prediction.label(),
                    prediction == null ? null : prediction.confidence(), ReportJson.toLine(report), thumbnail.jpeg());
            return new Analysed(result, thumbnail.filmstrip());
        }
    }
}
