package io.shotscope.ml;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.List;

/** The shot network on DJL with the PyTorch engine: what training builds and saves. */
final class EngineShotNetwork implements ShotNetwork {

    private final Model model;
    private final ModelMetadata metadata;

    EngineShotNetwork(Model model, ModelMetadata metadata) {
        this.model = model;
        this.metadata = metadata;
    }

    Model model() {
        return model;
    }

    /** Raw network logits, in batches of {@value ShotClassifier#BATCH}. */
    @Override
    public float[][] logits(List<ShotFeatures> shots) {
        float[][] out = new float[shots.size()][];
        try (Predictor<List<ShotFeatures>, float[][]> predictor =
                model.newPredictor(new ShotTranslator(metadata.normalisation(), metadata.frames()))) {
            for (int from = 0; from < shots.size(); from += ShotClassifier.BATCH) {
                int to = Math.min(shots.size(), from + ShotClassifier.BATCH);
                float[][] rows = predictor.predict(shots.subList(from, to));
                System.arraycopy(rows, 0, out, from, rows.length);
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("shot network failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
