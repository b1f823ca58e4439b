package io.shotscope.ml;

/**
 * How to train the shot network.
 *
 * @param maxEpochs upper bound on epochs
 * @param batchSize shots per mini-batch
 * @param learningRate Adam's learning rate
 * @param patience epochs without a better validation loss before stopping
 * @param seed seeds the engine (weight initialisation) and the shuffling
 * @param frames T, frames per shot
 * @param network layer sizes
 * @param weightDecay L2 penalty on every weight, added to its gradient by Adam (0: none)
 * @param onDays train the network to predict each shot's artist-days (squared error) and read the
 *     class from them ({@link DaysScale}), instead of on the labels (cross-entropy); every training
 *     and validation shot then needs days
 */
public record TrainingConfig(int maxEpochs, int batchSize, float learningRate, int patience, long seed, int frames,
                             NetworkConfig network, float weightDecay, boolean onDays) {

    public static final TrainingConfig DEFAULT =
            new TrainingConfig(60, 16, 1e-3f, 8, 42, ShotFeatures.FRAMES, NetworkConfig.DEFAULT, 0f, false);

    public TrainingConfig withMaxEpochs(int value) {
        return new TrainingConfig(value, batchSize, learningRate, patience, seed, frames, network, weightDecay, onDays);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, value, frames, network, weightDecay,
                onDays);
    }

    public TrainingConfig withWeightDecay(float value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, seed, frames, network, value, onDays);
    }

    public TrainingConfig withOnDays(boolean value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, seed, frames, network, weightDecay, value);
    }
}
