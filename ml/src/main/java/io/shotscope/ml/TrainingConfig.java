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
 */
public record TrainingConfig(
        int maxEpochs, int batchSize, float learningRate, int patience, long seed, int frames, NetworkConfig network) {

    public static final TrainingConfig DEFAULT =
            new TrainingConfig(60, 16, 1e-3f, 8, 42, ShotFeatures.FRAMES, NetworkConfig.DEFAULT);

    public TrainingConfig withMaxEpochs(int value) {
        return new TrainingConfig(value, batchSize, learningRate, patience, seed, frames, network);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, value, frames, network);
    }
}
