package io.shotscope.ml;

/** Told after every epoch, e.g. to draw a progress bar. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = epoch -> { };

    void onEpoch(Epoch epoch);

    /** One finished epoch; validation figures are NaN without a validation set. */
    record Epoch(int epoch, int maxEpochs, double trainLoss, double trainAccuracy,
            double validationLoss, double validationAccuracy) {
    }
}
