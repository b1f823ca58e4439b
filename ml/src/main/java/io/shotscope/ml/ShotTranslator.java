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

    /**
     * The network inputs for a batch: metrics {@code [B, T, M]} and thumbnails {@code [B, T, 3, 36, 64]}.
     * Shots that share the very same thumbnail rows (like the leave-one-metric-out variants of one
     * shot) are packed with thumbnails {@code [1, T, 3, 36, 64]}, so the CNN runs once.
     */
    static NDList inputs(NDManager manager, List<ShotFeatures> shots, Normalisation normalisation, int frames) {
        List<ShotFeatures> sampled = shots.stream()
                .map(shot -> shot.length() == frames ? shot : shot.resample(frames))
                .toList();
        int metricCount = ShotFeatures.METRICS;
        int pixels = ShotFeatures.THUMBNAIL_SIZE;
        float[] metrics = new float[sampled.size() * frames * metricCount];
        for (int b = 0; b < sampled.size(); b++) {
            for (int t = 0; t < frames; t++) {
                for (int m = 0; m < metricCount; m++) {
                    metrics[(b * frames + t) * metricCount + m] =
                            normalisation.apply(m, sampled.get(b).metrics()[t][m]);
                }
            }
        }
        int pictureShots = sharesThumbnails(sampled) ? 1 : sampled.size();
        float[] pictures = new float[pictureShots * frames * pixels];
        for (int b = 0; b < pictureShots; b++) {
            for (int t = 0; t < frames; t++) {
                System.arraycopy(sampled.get(b).frames()[t], 0, pictures, (b * frames + t) * pixels, pixels);
            }
        }
        Shape[] shapes = ShotNet.inputShapes(sampled.size(), frames);
        return new NDList(manager.create(metrics, shapes[0]),
                manager.create(pictures, ShotNet.inputShapes(pictureShots, frames)[1]));
    }

    private static boolean sharesThumbnails(List<ShotFeatures> shots) {
        float[][] first = shots.get(0).frames();
        for (ShotFeatures shot : shots) {
            for (int t = 0; t < first.length; t++) {
                if (shot.frames()[t] != first[t]) {
                    return false;
                }
            }
        }
        return shots.size() > 1;
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
