package io.shotscope.ml;

import java.util.List;

/**
 * How one network of a model trained: its per-epoch figures and the epoch kept.
 *
 * @param bestEpoch 1-based epoch whose weights were kept (lowest validation loss)
 * @param daysShift artist-days added to the network's every estimate after training, so that its
 *                  estimates average its training shots' days (0 when it learned the labels)
 */
public record NetworkRun(
        int epochsRun,
        int bestEpoch,
        List<Double> trainLoss,
        List<Double> trainAccuracy,
        List<Double> validationLoss,
        List<Double> validationAccuracy,
        double daysShift) {
}
