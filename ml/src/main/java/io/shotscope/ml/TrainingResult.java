package io.shotscope.ml;

import java.util.List;

/**
 * A finished training run. The classifier carries the best epoch's weights and the fitted
 * temperature; close the result (or the classifier) when done with it.
 *
 * @param bestEpoch 1-based epoch whose weights were kept (lowest validation loss)
 * @param daysShift artist-days added to every estimate after training, so that the estimates
 *                  average the training shots' days (0 when the network learned the labels)
 */
public record TrainingResult(
        ShotClassifier classifier,
        int epochsRun,
        int bestEpoch,
        List<Double> trainLoss,
        List<Double> trainAccuracy,
        List<Double> validationLoss,
        List<Double> validationAccuracy,
        double temperature,
        double daysShift) implements AutoCloseable {

    @Override
    public void close() {
        classifier.close();
    }
}
