package io.shotscope.ml;

/** Told after every epoch, e.g. to draw a progress bar. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = epoch -> { };

    void onEpoch(Epoch epoch);

    /**
     * One finished epoch of network {@code network} (1-based) of {@code networks}; validation
     * figures are NaN without a validation set.
     */
    record Epoch(int network, int networks, int epoch, int maxEpochs, double trainLoss, double trainAccuracy,
            double validationLoss, double validationAccuracy) {
    }
}
