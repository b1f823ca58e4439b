package io.shotscope.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@link ShotNet}'s forward pass in plain Java, reading the weights DJL saved. It computes the same
 * logits as the engine (within float rounding; {@code JavaShotNetworkTest} compares them) without
 * loading PyTorch, which costs more CPU than the whole forward pass of a shot: rating a shot this way
 * is what keeps {@code analyze} with the model close to the metrics alone.
 *
 * <p>Layers, as built in {@link ShotNet}: thumbnail CNN (conv 3x3 stride 2 + ReLU, max-pool 2x2,
 * conv 3x3 + ReLU, global average, linear + ReLU); metric embedding (linear + ReLU); fusion
 * (concatenate, linear, tanh); bidirectional LSTM without biases (PyTorch gate order input, forget,
 * cell, output); mean and max over time, with the shot summary when the model has one; linear
 * head. Thumbnail rows shared by several shots (the leave-one-metric-out variants of one shot) go
 * through the CNN once.
 */
final class JavaShotNetwork implements ShotNetwork {

    private static final int POOL = 2;
    private static final int KERNEL = 3;
    private static final int GATES = 4;

    private final ModelMetadata metadata;
    private final NetworkConfig net;
    private final int height1;
    private final int width1;
    private final int pooledHeight;
    private final int pooledWidth;
    private final float[] conv1Weight;
    private final float[] conv1Bias;
    private final float[] conv2Weight;
    private final float[] conv2Bias;
    private final float[] frameWeight;
    private final float[] frameBias;
    private final float[] metricWeight;
    private final float[] metricBias;
    private final float[] fusionWeight;
    private final float[] fusionBias;
    private final float[] forwardInput;
    private final float[] forwardHidden;
    private final float[] backwardInput;
    private final float[] backwardHidden;
    private final float[] headWeight;
    private final float[] headBias;

    private JavaShotNetwork(ModelMetadata metadata, List<DjlParams.Tensor> tensors, Path file) throws IOException {
        this.metadata = metadata;
        this.net = metadata.network();
        height1 = convOutput(ShotFeatures.HEIGHT, 2);
        width1 = convOutput(ShotFeatures.WIDTH, 2);
        pooledHeight = height1 / POOL;
        pooledWidth = width1 / POOL;
        int state = net.stateSize();
        Expected expected = new Expected(tensors, file);
        conv1Weight = expected.next("thumbnail conv 1 weight", net.convChannels1(), ShotFeatures.CHANNELS, KERNEL, KERNEL);
        conv1Bias = expected.next("thumbnail conv 1 bias", net.convChannels1());
        conv2Weight = expected.next("thumbnail conv 2 weight", net.convChannels2(), net.convChannels1(), KERNEL, KERNEL);
        conv2Bias = expected.next("thumbnail conv 2 bias", net.convChannels2());
        frameWeight = expected.next("thumbnail linear weight", net.frameEmbedding(), net.convChannels2());
        frameBias = expected.next("thumbnail linear bias", net.frameEmbedding());
        metricWeight = expected.next("metric embedding weight", net.metricEmbedding(), ShotFeatures.METRICS);
        metricBias = expected.next("metric embedding bias", net.metricEmbedding());
        fusionWeight = expected.next("fusion weight", state, net.frameEmbedding() + net.metricEmbedding());
        fusionBias = expected.next("fusion bias", state);
        forwardInput = expected.next("LSTM forward input weight", GATES * state, state);
        forwardHidden = expected.next("LSTM forward hidden weight", GATES * state, state);
        backwardInput = expected.next("LSTM backward input weight", GATES * state, state);
        backwardHidden = expected.next("LSTM backward hidden weight", GATES * state, state);
        headWeight = expected.next("head weight", Difficulty.values().length, net.headInputs());
        headBias = expected.next("head bias", Difficulty.values().length);
        expected.requireEnd();
    }

    /** The network saved in {@code weightsFile} (a DJL {@code .params} file) for {@code metadata}. */
    static JavaShotNetwork read(Path weightsFile, ModelMetadata metadata) throws IOException {
        return new JavaShotNetwork(metadata, DjlParams.read(weightsFile), weightsFile);
    }

    @Override
    public float[][] logits(List<ShotFeatures> shots) {
        List<ShotFeatures> sampled = shots.stream()
                .map(shot -> shot.length() == metadata.frames() ? shot : shot.resample(metadata.frames()))
                .toList();
        Map<float[], float[]> embeddings = embedThumbnails(sampled);
        float[][] out = new float[sampled.size()][];
        for (int b = 0; b < sampled.size(); b++) {
            out[b] = shotLogits(sampled.get(b), embeddings);
        }
        return out;
    }

    /** The CNN embedding of every distinct thumbnail row (by identity), frames in parallel. */
    private Map<float[], float[]> embedThumbnails(List<ShotFeatures> shots) {
        Map<float[], float[]> distinct = new IdentityHashMap<>();
        for (ShotFeatures shot : shots) {
            for (float[] frame : shot.frames()) {
                distinct.putIfAbsent(frame, frame);
            }
        }
        List<float[]> frames = List.copyOf(distinct.keySet());
        float[][] embedded = new float[frames.size()][];
        IntStream.range(0, frames.size()).parallel().forEach(i -> embedded[i] = embedThumbnail(frames.get(i)));
        Map<float[], float[]> embeddings = new IdentityHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            embeddings.put(frames.get(i), embedded[i]);
        }
        return embeddings;
    }

    private float[] shotLogits(ShotFeatures shot, Map<float[], float[]> embeddings) {
        int steps = shot.length();
        int state = net.stateSize();
        Normalisation normalisation = metadata.normalisation();
        float[][] fused = new float[steps][];
        float[][] metrics = new float[steps][ShotFeatures.METRICS];
        float[] joined = new float[net.frameEmbedding() + net.metricEmbedding()];
        for (int t = 0; t < steps; t++) {
            float[] frame = embeddings.get(shot.frames()[t]);
            for (int m = 0; m < ShotFeatures.METRICS; m++) {
                metrics[t][m] = normalisation.apply(m, shot.metrics()[t][m]);
            }
            float[] metric = linear(metrics[t], metricWeight, metricBias);
            relu(metric);
            System.arraycopy(frame, 0, joined, 0, frame.length);
            System.arraycopy(metric, 0, joined, frame.length, metric.length);
            fused[t] = linear(joined, fusionWeight, fusionBias);
            for (int i = 0; i < state; i++) {
                fused[t][i] = (float) tanh(fused[t][i]);
            }
        }
        float[][] forward = lstm(fused, forwardInput, forwardHidden, false);
        float[][] backward = lstm(fused, backwardInput, backwardHidden, true);
        float[] pooled = new float[net.headInputs()];
        Arrays.fill(pooled, 2 * state, 4 * state, Float.NEGATIVE_INFINITY);
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < state; i++) {
                pool(pooled, i, forward[t][i], steps, state);
                pool(pooled, state + i, backward[t][i], steps, state);
            }
        }
        if (net.shotSummary()) {
            summarise(metrics, pooled, 4 * state);
        }
        return linear(pooled, headWeight, headBias);
    }

    /** Mean, std, max and p95 over the frames of each normalised metric, into {@code out} from {@code at}. */
    private static void summarise(float[][] metrics, float[] out, int at) {
        int steps = metrics.length;
        float[] values = new float[steps];
        for (int m = 0; m < ShotFeatures.METRICS; m++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                values[t] = metrics[t][m];
                sum += values[t];
            }
            double mean = sum / steps;
            double squares = 0;
            for (float v : values) {
                squares += (v - mean) * (v - mean);
            }
            Arrays.sort(values);
            int base = at + m * NetworkConfig.SUMMARY_PER_METRIC;
            out[base] = (float) mean;
            out[base + 1] = (float) Math.sqrt(squares / steps);
            out[base + 2] = values[steps - 1];
            out[base + 3] = values[NetworkConfig.percentileIndex(steps)];
        }
    }

    /** Adds {@code value} to the mean at {@code index} and to the max at {@code index + 2 * state}. */
    private static void pool(float[] pooled, int index, float value, int steps, int state) {
        pooled[index] += value / steps;
        pooled[index + 2 * state] = Math.max(pooled[index + 2 * state], value);
    }

    /** The thumbnail CNN: a {@code frameEmbedding}-vector for one 3 x 36 x 64 thumbnail. */
    private float[] embedThumbnail(float[] thumbnail) {
        float[] first = conv3x3(thumbnail, ShotFeatures.CHANNELS, ShotFeatures.HEIGHT, ShotFeatures.WIDTH,
                conv1Weight, conv1Bias, net.convChannels1(), 2);
        relu(first);
        float[] pooled = maxPool(first, net.convChannels1(), height1, width1);
        float[] second = conv3x3(pooled, net.convChannels1(), pooledHeight, pooledWidth,
                conv2Weight, conv2Bias, net.convChannels2(), 1);
        relu(second);
        int plane = pooledHeight * pooledWidth;
        float[] average = new float[net.convChannels2()];
        for (int f = 0; f < average.length; f++) {
            double sum = 0;
            for (int i = 0; i < plane; i++) {
                sum += second[f * plane + i];
            }
            average[f] = (float) (sum / plane);
        }
        float[] embedding = linear(average, frameWeight, frameBias);
        relu(embedding);
        return embedding;
    }

    /**
     * 3x3 convolution with zero padding 1 over channel-first planes. The input is copied once into
     * zero-bordered planes so the inner loop, one weight times a row of outputs, has no branches.
     */
    private static float[] conv3x3(float[] in, int channels, int height, int width,
            float[] weight, float[] bias, int filters, int stride) {
        int paddedWidth = width + 2;
        int paddedPlane = (height + 2) * paddedWidth;
        float[] padded = new float[channels * paddedPlane];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(in, (c * height + y) * width, padded, c * paddedPlane + (y + 1) * paddedWidth + 1, width);
            }
        }
        int outHeight = convOutput(height, stride);
        int outWidth = convOutput(width, stride);
        int outPlane = outHeight * outWidth;
        float[] out = new float[filters * outPlane];
        for (int f = 0; f < filters; f++) {
            int plane = f * outPlane;
            Arrays.fill(out, plane, plane + outPlane, bias[f]);
            for (int c = 0; c < channels; c++) {
                for (int ky = 0; ky < KERNEL; ky++) {
                    for (int kx = 0; kx < KERNEL; kx++) {
                        float w = weight[((f * channels + c) * KERNEL + ky) * KERNEL + kx];
                        int source = c * paddedPlane + ky * paddedWidth + kx;
                        for (int oy = 0; oy < outHeight; oy++) {
                            int from = source + oy * stride * paddedWidth;
                            int to = plane + oy * outWidth;
                            for (int ox = 0; ox < outWidth; ox++) {
                                out[to + ox] += w * padded[from + ox * stride];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static int convOutput(int size, int stride) {
        return (size + 2 - KERNEL) / stride + 1;
    }

    private static float[] maxPool(float[] in, int channels, int height, int width) {
        int outHeight = height / POOL;
        int outWidth = width / POOL;
        float[] out = new float[channels * outHeight * outWidth];
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < POOL; dy++) {
                        for (int dx = 0; dx < POOL; dx++) {
                            max = Math.max(max, in[(c * height + oy * POOL + dy) * width + ox * POOL + dx]);
                        }
                    }
                    out[(c * outHeight + oy) * outWidth + ox] = max;
                }
            }
        }
        return out;
    }

    /** One LSTM direction over the sequence; the hidden state per time step, in time order. */
    private float[][] lstm(float[][] inputs, float[] inputWeight, float[] hiddenWeight, boolean reverse) {
        int state = net.stateSize();
        float[][] out = new float[inputs.length][];
        float[] hidden = new float[state];
        float[] cell = new float[state];
        float[] gates = new float[GATES * state];
        for (int step = 0; step < inputs.length; step++) {
            int t = reverse ? inputs.length - 1 - step : step;
            for (int g = 0; g < gates.length; g++) {
                float sum = 0;
                int row = g * state;
                for (int i = 0; i < state; i++) {
                    sum += inputWeight[row + i] * inputs[t][i] + hiddenWeight[row + i] * hidden[i];
                }
                gates[g] = sum;
            }
            for (int i = 0; i < state; i++) {
                double input = sigmoid(gates[i]);
                double forget = sigmoid(gates[state + i]);
                double candidate = tanh(gates[2 * state + i]);
                double output = sigmoid(gates[3 * state + i]);
                cell[i] = (float) (forget * cell[i] + input * candidate);
                hidden[i] = (float) (output * tanh(cell[i]));
            }
            out[t] = hidden.clone();
        }
        return out;
    }

    private static double sigmoid(float x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Through {@code Math.exp}, which the JIT makes an intrinsic, unlike {@code Math.tanh}. */
    private static double tanh(float x) {
        return 1 - 2 / (Math.exp(2.0 * x) + 1);
    }

    /** {@code weight [out, in] * x + bias}. */
    private static float[] linear(float[] x, float[] weight, float[] bias) {
        float[] y = new float[bias.length];
        for (int o = 0; o < y.length; o++) {
            float sum = bias[o];
            int row = o * x.length;
            for (int i = 0; i < x.length; i++) {
                sum += weight[row + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    private static void relu(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, values[i]);
        }
    }

    @Override
    public void close() {
        // plain Java arrays: nothing to release
    }

    /** Takes the saved arrays in order, checking each one's shape against the model's sizes. */
    private static final class Expected {
        private final List<DjlParams.Tensor> tensors;
        private final Path file;
        private int next;

        Expected(List<DjlParams.Tensor> tensors, Path file) {
            this.tensors = tensors;
            this.file = file;
        }

        float[] next(String what, long... shape) throws IOException {
            if (next >= tensors.size()) {
                throw new IOException(file + ": " + tensors.size() + " arrays, missing the " + what);
            }
            DjlParams.Tensor tensor = tensors.get(next++);
            if (!Arrays.equals(tensor.shape(), shape)) {
                throw new IOException(file + ": the " + what + " has shape " + tensor.shapeText()
                        + ", model.json's sizes need " + Arrays.toString(shape));
            }
            return tensor.values();
        }

        void requireEnd() throws IOException {
            if (next != tensors.size()) {
                throw new IOException(file + ": " + tensors.size() + " arrays, the network has " + next);
            }
        }
    }
}
