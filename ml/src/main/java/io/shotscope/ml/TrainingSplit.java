package io.shotscope.ml;

import java.util.List;

/**
 * The shots one network of a model learns from and the shots that stop its training early.
 *
 * @param train      shots whose loss the network's weights are fitted to
 * @param validation shots whose loss chooses the epoch to keep (may be empty: then the training loss does)
 */
public record TrainingSplit(List<LabelledShot> train, List<LabelledShot> validation) {

    public TrainingSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }
}
