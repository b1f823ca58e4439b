package io.shotscope.ml;

import java.util.List;

/**
 * Something that runs the shot network: raw logits {@code [B, 3]} for shots of unnormalised metric
 * scores, resampled to the model's T frames and normalised inside. Two implementations compute the
 * same function: {@link EngineShotNetwork} on DJL and PyTorch (training, evaluation on the engine)
 * and {@link JavaShotNetwork} in plain Java (rating shots without starting the engine).
 */
interface ShotNetwork extends AutoCloseable {

    float[][] logits(List<ShotFeatures> shots);

    @Override
    void close();
}
