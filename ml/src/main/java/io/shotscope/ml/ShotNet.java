package io.shotscope.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The shot network, built in this one place. Per frame, a small CNN embeds the 3x36x64 thumbnail
 * and a linear layer embeds the normalised metric scores; the two are concatenated and projected to
 * the LSTM state size; a bidirectional LSTM reads the T frames; mean and max over time are
 * concatenated, with (when {@link NetworkConfig#shotSummary()}) the mean, std, max and p95 of each
 * metric over the frames, and a linear layer gives three logits (Easy, Medium, Hard).
 *
 * <p>Inputs: metrics {@code [B, T, M]} (M = {@code ShotFeatures.METRICS}) and thumbnails {@code [B, T, 3, 36, 64]}, or {@code [1, T, 3, 36, 64]}
 * when all B shots share their thumbnails (the CNN then runs once). Output: logits {@code [B, 3]}.
 */
final class ShotNet extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final int CLASSES = Difficulty.values().length;

    private final NetworkConfig config;
    private final Block frameEncoder;
    private final Block metricEncoder;
    private final Block fusion;
    private final Block sequence;
    private final Block head;
    /** While training on artist-days: how the head's days output becomes logits; null otherwise. */
    private DaysScale days;

    ShotNet(NetworkConfig config) {
        super(VERSION);
        this.config = config;
        frameEncoder = addChildBlock("frame_cnn", new SequentialBlock()
                .add(conv(config.convChannels1(), 2))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(config.convChannels2(), 1))
                .add(Activation.reluBlock())
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(config.frameEmbedding()).build())
                .add(Activation.reluBlock()));
        metricEncoder = addChildBlock("metric_embedding", new SequentialBlock()
                .add(Linear.builder().setUnits(config.metricEmbedding()).build())
                .add(Activation.reluBlock()));
        // Projects to the LSTM state size: DJL's bidirectional LSTM has failed on other input sizes.
        fusion = addChildBlock("fusion", new SequentialBlock()
                .add(Linear.builder().setUnits(config.stateSize()).build())
                .add(Activation::tanh));
        // No LSTM biases: DJL (0.36) hands PyTorch the parameters as all weights then all biases,
        // but PyTorch wants w_ih, w_hh, b_ih, b_hh per direction, so with biases the backward
        // direction reads the wrong tensors (NaN). Without biases both orders agree; the fusion
        // layer's bias feeds the LSTM instead.
        sequence = addChildBlock("bilstm", LSTM.builder()
                .setStateSize(config.stateSize())
                .setNumLayers(1)
                .optBatchFirst(true)
                .optBidirectional(true)
                .optHasBiases(false)
                .build());
        head = addChildBlock("head", Linear.builder().setUnits(CLASSES).build());
    }

    private static Block conv(int filters, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }

    /** Input shapes for a batch of {@code batch} shots of {@code frames} frames. */
    static Shape[] inputShapes(long batch, long frames) {
        return new Shape[] {
            new Shape(batch, frames, ShotFeatures.METRICS),
            new Shape(batch, frames, ShotFeatures.CHANNELS, ShotFeatures.HEIGHT, ShotFeatures.WIDTH)
        };
    }

    NetworkConfig config() {
        return config;
    }

    /** The bidirectional LSTM's output for every time step: {@code [B, T, 2 * stateSize]}. */
    NDArray encode(ParameterStore store, NDList inputs, boolean training) {
        NDArray metrics = inputs.get(0);
        NDArray frames = inputs.get(1);
        long batch = metrics.getShape().get(0);
        long steps = metrics.getShape().get(1);
        long pictureBatch = frames.getShape().get(0);
        NDArray pictures = frames.reshape(
                pictureBatch * steps, ShotFeatures.CHANNELS, ShotFeatures.HEIGHT, ShotFeatures.WIDTH);
        NDArray frameEmbedding = frameEncoder.forward(store, new NDList(pictures), training)
                .head().reshape(pictureBatch, steps, config.frameEmbedding());
        if (pictureBatch != batch) {
            frameEmbedding = frameEmbedding.broadcast(new Shape(batch, steps, config.frameEmbedding()));
        }
        NDArray metricEmbedding = metricEncoder.forward(store, new NDList(metrics), training).head();
        NDArray fused = fusion.forward(store, new NDList(frameEmbedding.concat(metricEmbedding, 2)), training)
                .head();
        return sequence.forward(store, new NDList(fused), training).head();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray states = encode(store, inputs, training);
        NDArray pooled = states.mean(new int[] {1}).concat(states.max(new int[] {1}), 1);
        if (training && config.dropout() > 0) {
            pooled = Dropout.dropout(pooled, config.dropout(), true).head();
        }
        if (config.shotSummary()) {
            pooled = pooled.concat(summary(inputs.get(0)), 1);
        }
        NDList logits = head.forward(store, new NDList(pooled), training);
        return days == null ? logits : new NDList(days.logits(logits.head()));
    }

    /**
     * Trains on artist-days from now on: only the head's second row is used, as the shot's days (in
     * standard units), and the three logits are made from it by {@code scale} ({@link DaysScale}).
     */
    void trainOnDays(DaysScale scale) {
        days = scale;
    }

    /**
     * While training on artist-days: moves every shot's predicted days by {@code offset} (standard
     * units) through the head's bias.
     */
    void shiftDays(double offset) {
        NDArray b = head.getParameters().get("bias").getArray();
        float[] values = b.toFloatArray();
        values[DaysScale.DAYS_ROW] += (float) offset;
        replace(b, values);
    }

    /**
     * Ends training on artist-days: writes the days-to-logits map into the head's weights, so the
     * network is an ordinary one with a linear head giving the same logits.
     */
    void foldDays() {
        if (days == null) {
            return;
        }
        Parameter weight = head.getParameters().get("weight");
        Parameter bias = head.getParameters().get("bias");
        NDArray w = weight.getArray();
        replace(w, days.foldWeight(w.toFloatArray(), (int) w.getShape().get(1)));
        NDArray b = bias.getArray();
        replace(b, days.foldBias(b.toFloatArray()));
        days = null;
    }

    /**
     * Gives a parameter's array new values. Not written in place (PyTorch warns about in-place writes
     * to tensors that had gradients), and not from an array made straight from Java memory, which
     * PyTorch would share rather than copy: that memory goes when its Java array is collected.
     */
    private static void replace(NDArray array, float[] values) {
        try (NDArray shared = array.getManager().create(values, array.getShape())) {
            array.intern(shared.add(0f));
        }
    }

    /**
     * Per shot, for each metric in turn: mean, std, max and 95th percentile over the frames of the
     * normalised metrics {@code [B, T, M]}, as {@code [B, 4M]}. A function of the inputs only.
     */
    static NDArray summary(NDArray metrics) {
        long batch = metrics.getShape().get(0);
        int frames = (int) metrics.getShape().get(1);
        NDArray mean = metrics.mean(new int[] {1});
        NDArray std = metrics.sub(mean.expandDims(1)).square().mean(new int[] {1}).sqrt();
        NDArray sorted = metrics.sort(1);
        NDArray max = sorted.get(":, " + (frames - 1) + ", :");
        NDArray percentile = sorted.get(":, " + NetworkConfig.percentileIndex(frames) + ", :");
        return NDArrays.stack(new NDList(mean, std, max, percentile), 2)
                .reshape(batch, (long) NetworkConfig.SUMMARY_PER_METRIC * ShotFeatures.METRICS);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), CLASSES)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long steps = inputShapes[0].get(1);
        Shape pictures = new Shape(batch * steps, ShotFeatures.CHANNELS, ShotFeatures.HEIGHT, ShotFeatures.WIDTH);
        frameEncoder.initialize(manager, dataType, pictures);
        metricEncoder.initialize(manager, dataType, inputShapes[0]);
        fusion.initialize(manager, dataType,
                new Shape(batch, steps, config.frameEmbedding() + config.metricEmbedding()));
        sequence.initialize(manager, dataType, new Shape(batch, steps, config.stateSize()));
        head.initialize(manager, dataType, new Shape(batch, config.headInputs()));
    }
}
