package io.shotscope.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * Pre- and post-processing around {@link ShotNet}: resamples each shot to T frames, normalises the
 * metrics with the training statistics, packs a batch into tensors, and reads logits back as rows.
 */
final class ShotTranslator implements NoBatchifyTranslator<List<ShotFeatures>, float[][]> {

    private final Normalisation normalisation;
    private final int frames;

    ShotTranslator(Normalisation normalisation, int frames) {
        this.normalisation = normalisation;
        this.frames = frames;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<ShotFeatures> shots) {
        return inputs(ctx.getNDManager(), shots, normalisation, frames);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        return rows(list.head());
    }

    /** The network inputs for a batch: metrics {@code [B, T, 9]} and thumbnails {@code [B, T, 3, 36, 64]}. */
    static NDList inputs(NDManager manager, List<ShotFeatures> shots, Normalisation normalisation, int frames) {
        int metricCount = ShotFeatures.METRICS;
        int pixels = ShotFeatures.THUMBNAIL_SIZE;
        float[] metrics = new float[shots.size() * frames * metricCount];
        float[] pictures = new float[shots.size() * frames * pixels];
        for (int b = 0; b < shots.size(); b++) {
            ShotFeatures shot = shots.get(b);
            if (shot.length() != frames) {
                shot = shot.resample(frames);
            }
            for (int t = 0; t < frames; t++) {
                int row = b * frames + t;
                for (int m = 0; m < metricCount; m++) {
                    metrics[row * metricCount + m] = normalisation.apply(m, shot.metrics()[t][m]);
                }
                System.arraycopy(shot.frames()[t], 0, pictures, row * pixels, pixels);
            }
        }
        Shape[] shapes = ShotNet.inputShapes(shots.size(), frames);
        return new NDList(manager.create(metrics, shapes[0]), manager.create(pictures, shapes[1]));
    }

    /** A {@code [B, C]} array as B rows. */
    static float[][] rows(NDArray array) {
        int columns = (int) array.getShape().get(1);
        float[] flat = array.toFloatArray();
        float[][] out = new float[flat.length / columns][columns];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * columns, out[i], 0, columns);
        }
        return out;
    }
}
