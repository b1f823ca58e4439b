package io.shotscope.ml;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

    /** Each network's days intercept refit, as printed and written in the model card: "+0.009, -0.120". */
    public String daysShifts() {
        return networks.stream().map(r -> String.format(Locale.ROOT, "%+.3f", r.daysShift()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        classifier.close();
    }
}
