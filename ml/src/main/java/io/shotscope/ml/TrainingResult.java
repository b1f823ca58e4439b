package io.shotscope.ml;

import java.util.List;

/**
 * A finished training run. The classifier averages the logits of its networks, each with its best
 * epoch's weights, and carries the temperature fitted to that average; close the result (or the
 * classifier) when done with it.
 *
 * @param networks how each network trained, in the order the model holds them
 */
public record TrainingResult(ShotClassifier classifier, List<NetworkRun> networks, double temperature)
        implements AutoCloseable {

    public TrainingResult {
        networks = List.copyOf(networks);
    }

    @Override
    public void close() {
        classifier.close();
    }
}
