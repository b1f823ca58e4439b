package io.shotscope.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The complexity report of one plate. Serialised with snake_case keys by {@link ReportJson};
 * {@code complexityScores} (one mean per metric, flat) is the shape every consumer reads.
 *
 * @param input            the input as given
 * @param stem             base name for report files
 * @param kind             "movie" or "sequence"
 * @param sha256           hash of the content: the file, or a sequence's frame files in order
 * @param frames           frames read from the plate (analysed or passed over by the stride)
 * @param framesAnalysed   frames measured
 * @param firstFrame       first frame number (0 for movies)
 * @param lastFrame        last frame number read
 * @param missingFrames    frame numbers absent from a sequence analysed with --allow-gaps
 * @param frameNumbers     the frame number of every analysed frame, aligned with frame_scores
 * @param analysisWidth    width the metrics were measured at
 * @param analysisHeight   height the metrics were measured at
 * @param timingsMs        wall and busy times of the stages, in milliseconds
 * @param prediction       the model's verdict, or null when no model was used
 * @param explanation      the factors that drove the prediction, strongest first, or null
 */
public record ShotReport(
        String input,
        String stem,
        String kind,
        String sha256,
        int frames,
        int framesAnalysed,
        int firstFrame,
        int lastFrame,
        double fps,
        int width,
        int height,
        double durationS,
        String codec,
        int stride,
        int analysisWidth,
        int analysisHeight,
        List<Integer> missingFrames,
        Map<String, Double> complexityScores,
        Map<String, MetricSummary> metrics,
        List<Integer> frameNumbers,
        String analyzerVersion,
        Map<String, Object> timingsMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Prediction prediction,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Factor> explanation) {

    /** This report with a model's prediction and the factors that explain it. */
    public ShotReport withPrediction(Prediction newPrediction, List<Factor> factors) {
        return new ShotReport(input, stem, kind, sha256, frames, framesAnalysed, firstFrame, lastFrame, fps, width,
                height, durationS, codec, stride, analysisWidth, analysisHeight, missingFrames, complexityScores,
                metrics, frameNumbers, analyzerVersion, timingsMs, newPrediction, List.copyOf(factors));
    }
}
