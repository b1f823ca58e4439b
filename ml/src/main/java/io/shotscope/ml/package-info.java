/**
 * Shot difficulty (Easy / Medium / Hard) from the analyser's per-frame metrics and thumbnails.
 *
 * <p>Entry points: {@link io.shotscope.ml.Trainer#train} (returns a {@link io.shotscope.ml.TrainingResult}
 * holding a {@link io.shotscope.ml.ShotClassifier}), {@link io.shotscope.ml.ShotClassifier#load} /
 * {@link io.shotscope.ml.ShotClassifier#save} / {@link io.shotscope.ml.ShotClassifier#predict},
 * {@link io.shotscope.ml.Evaluator#evaluate} with {@link io.shotscope.ml.EvaluationReport#write}, and the
 * static {@link io.shotscope.ml.BaselineModel}. The deep-learning engine (DJL with the pinned PyTorch
 * native jar) is reached only through {@link io.shotscope.ml.MlEngine}, which forces offline mode.
 */
package io.shotscope.ml;
