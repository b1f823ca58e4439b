package io.shotscope.ml;

/**
 * Sizes of the shot network (see {@link ShotNet}); stored in {@code model.json}.
 *
 * @param convChannels1 filters of the first thumbnail convolution
 * @param convChannels2 filters of the second thumbnail convolution
 * @param frameEmbedding size of a thumbnail's embedding
 * @param metricEmbedding size of a frame's metric embedding
 * @param stateSize LSTM state size per direction; the fusion layer projects to it
 * @param shotSummary whether the head also sees, beside the pooled LSTM states, the mean, std,
 *     max and 95th percentile over the T frames of each normalised metric (what the static baseline
 *     sees); false in models saved before it existed
 * @param dropout share of the pooled LSTM features zeroed at random while training (the shot
 *     summary is never dropped; rating uses every feature); 0 in models saved before it existed
 */
public record NetworkConfig(int convChannels1, int convChannels2, int frameEmbedding, int metricEmbedding,
        int stateSize, boolean shotSummary, float dropout) {

    /**
     * Dropout 0.5: the sequence path overfitted within 5-15 epochs without it; with it the network
     * gained 0.015-0.022 test macro-F1 per seed (docs/model.md).
     */
    public static final NetworkConfig DEFAULT = new NetworkConfig(16, 32, 32, 32, 32, true, 0.5f);
    /** Values per metric in the shot summary: mean, std, max, p95. */
    public static final int SUMMARY_PER_METRIC = 4;
    public static final double SUMMARY_PERCENTILE = 0.95;

    /** Inputs of the head: mean and max of both LSTM directions, and the shot summary if used. */
    public int headInputs() {
        return 4 * stateSize + (shotSummary ? SUMMARY_PER_METRIC * ShotFeatures.METRICS : 0);
    }

    /** Index of the 95th percentile among {@code frames} sorted values (as the baseline takes it). */
    public static int percentileIndex(int frames) {
        return Math.max(0, (int) Math.ceil(SUMMARY_PERCENTILE * frames) - 1);
    }
}
