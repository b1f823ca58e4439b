package io.shotscope.ml;

/**
 * Sizes of the shot network (see {@link ShotNet}); stored in {@code model.json}.
 *
 * @param convChannels1 filters of the first thumbnail convolution
 * @param convChannels2 filters of the second thumbnail convolution
 * @param frameEmbedding size of a thumbnail's embedding
 * @param metricEmbedding size of a frame's metric embedding
 * @param stateSize LSTM state size per direction; the fusion layer projects to it
 */
public record NetworkConfig(
        int convChannels1, int convChannels2, int frameEmbedding, int metricEmbedding, int stateSize) {

    public static final NetworkConfig DEFAULT = new NetworkConfig(16, 32, 32, 32, 32);
}
