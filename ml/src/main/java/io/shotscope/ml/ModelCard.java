package io.shotscope.ml;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the caller knows about a trained model, written as {@code MODEL_CARD.md} next to it.
 *
 * @param trainingData where the labelled shots came from and how they were split
 * @param trainShots shots used to fit the weights (of each network)
 * @param validationShots shots used for early stopping (of each network)
 * @param seed the training seed
 * @param date when the model was trained (ISO-8601)
 * @param settings the training settings (epochs, batch, learning rate, patience, weight decay, dropout,
 *     what was learned), or null
 * @param training the training run, or null
 * @param evaluatedOn the held-out shots both evaluations ran on, e.g. "validation split"
 * @param evaluation figures on those shots, or null
 * @param baseline the static baseline's figures on the same shots, or null
 */
public record ModelCard(
        String trainingData,
        int trainShots,
        int validationShots,
        long seed,
        String date,
        TrainingConfig settings,
        TrainingResult training,
        String evaluatedOn,
        EvaluationResult evaluation,
        EvaluationResult baseline) {

    String toMarkdown(ModelMetadata metadata) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(metadata.modelName()).append(' ').append(metadata.modelVersion())
                .append("\n\nRates VFX shots ").append(String.join(" / ", metadata.classNames()))
                .append(" from ").append(metadata.frames()).append(" sampled frames: the metric scores ")
                .append(metadata.metrics()).append(" and a ")
                .append(metadata.thumbnail().channels()).append('x').append(metadata.thumbnail().height())
                .append('x').append(metadata.thumbnail().width())
                .append(" RGB thumbnail per frame (CNN + bidirectional LSTM).\n\n")
                .append("- Analyser version: ").append(metadata.analyserVersion()).append('\n')
                .append("- Trained: ").append(date).append(", seed ").append(seed).append('\n')
                .append("- Training data: ").append(trainingData).append('\n')
                .append("- Shots: ").append(trainShots).append(" train, ").append(validationShots)
                .append(" validation").append(metadata.networks() > 1 ? " per network" : "").append('\n')
                .append("- Temperature: ").append(String.format("%.3f", metadata.temperature())).append('\n');
        if (settings != null) {
            md.append(String.format("- Settings: at most %d epochs, batch %d, learning rate %s, patience %d, weight decay %s, "
                    + "dropout %s; learned %s%n", settings.maxEpochs(), settings.batchSize(), settings.learningRate(),
                    settings.patience(), settings.weightDecay(), settings.network().dropout(),
                    settings.onDays() ? "the artist-days (squared error), classes read from them" : "the labels"));
        }
        if (training != null) {
            List<NetworkRun> runs = training.networks();
            if (runs.size() > 1) {
                md.append("- Networks: ").append(runs.size())
                        .append(", their logits averaged; each on its own train / validation split, with seeds ")
                        .append(seed).append(" to ").append(seed + runs.size() - 1).append('\n');
            }
            md.append("- Epochs run: ").append(join(runs, r -> String.valueOf(r.epochsRun())))
                    .append(runs.size() > 1 ? ", best epochs " : ", best epoch ")
                    .append(join(runs, r -> String.valueOf(r.bestEpoch()))).append('\n');
            if (metadata.days() != null) {
                md.append("- Days intercept refitted by ")
                        .append(training.daysShifts())
                        .append(" days after training, so the estimates average the training shots' days\n");
            }
        }
        appendEvaluation(md, "Evaluation on the " + evaluatedOn, evaluation);
        appendEvaluation(md, "Static baseline (logistic regression on metric aggregates), " + evaluatedOn, baseline);
        md.append("\n## Limits\n\nLabels reflect the artists who rated the training shots. The model sees only the")
                .append(" analyser's metrics and small thumbnails; treat its rating as a first estimate.\n");
        return md.toString();
    }

    private static String join(List<NetworkRun> runs, Function<NetworkRun, String> figure) {
        return runs.stream().map(figure).collect(Collectors.joining(", "));
    }

    private static void appendEvaluation(StringBuilder md, String title, EvaluationResult result) {
        if (result == null) {
            return;
        }
        md.append("\n## ").append(title).append("\n\n")
                .append(String.format("- Shots: %d%n- Accuracy: %.3f%n- Macro-F1: %.3f%n- ECE: %.3f%n",
                        result.count(), result.accuracy(), result.macroF1(), result.expectedCalibrationError()));
        for (Difficulty d : Difficulty.values()) {
            md.append(String.format("- %s: precision %.3f, recall %.3f%n",
                    d, result.precision()[d.ordinal()], result.recall()[d.ordinal()]));
        }
    }
}
