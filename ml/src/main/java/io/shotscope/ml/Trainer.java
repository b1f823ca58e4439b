package io.shotscope.ml;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Trains the shot networks of a model: each with Adam on softmax cross-entropy (or, {@link
 * TrainingConfig#onDays}, on the squared error of the predicted artist-days) over shuffled
 * mini-batches, early stopping on its validation loss (the best epoch's weights are kept). The
 * model averages the networks' logits; temperature scaling fits that average on a calibration
 * split (with one network and no calibration shots, on its validation split: its loss chose the
 * epoch, so it flatters the model and the temperature comes out too low). Deterministic for a
 * given seed.
 */
public final class Trainer {

    private Trainer() {
    }

    public static TrainingResult train(
            List<LabelledShot> train, List<LabelledShot> validation, TrainingConfig config, TrainingListener listener) {
        return train(train, validation, List.of(), config, listener);
    }

    /** Trains one network on {@code train}, stops early on {@code validation}, fits the temperature on {@code calibration}. */
    public static TrainingResult train(List<LabelledShot> train, List<LabelledShot> validation,
            List<LabelledShot> calibration, TrainingConfig config, TrainingListener listener) {
        return trainNetworks(List.of(new TrainingSplit(train, validation)), calibration, config, listener);
    }

    /**
     * Trains one network per split (network k, 0-based, seeded with {@code config.seed() + k}) and
     * fits the temperature of their average on {@code calibration}, which must hold shots when
     * there are several networks. The input normalisation and the days scale are fitted on every
     * shot that any network trains on, so the networks share them.
     */
    public static TrainingResult trainNetworks(List<TrainingSplit> splits, List<LabelledShot> calibration,
            TrainingConfig config, TrainingListener listener) {
        if (splits.isEmpty() || splits.stream().anyMatch(split -> split.train().isEmpty())) {
            throw new IllegalArgumentException("cannot train on no shots");
        }
        if (splits.size() > 1 && calibration.isEmpty()) {
            throw new IllegalArgumentException(
                    "several networks need calibration shots that none of them trains or stops on");
        }
        List<LabelledShot> fitted = trainedOn(splits);
        ModelMetadata metadata = ModelMetadata.current(
                config.frames(), Normalisation.fit(fitted), 1.0, config.network(), config.seed());
        DaysScale days = config.onDays() ? daysScale(fitted, splits) : null;
        List<Model> models = new ArrayList<>();
        List<NetworkRun> runs = new ArrayList<>();
        try {
            for (int k = 0; k < splits.size(); k++) {
                Model model = ShotClassifier.newModel(config.network());
                models.add(model);
                runs.add(trainNetwork(model, metadata, splits.get(k), config.withSeed(config.seed() + k),
                        new NetworkListener(listener, k + 1, splits.size()), days));
            }
            ShotClassifier classifier = ShotClassifier.onEngine(models, metadata);
            List<LabelledShot> calibrateOn = calibration.isEmpty() ? splits.get(0).validation() : calibration;
            double temperature = 1.0;
            if (!calibrateOn.isEmpty()) {
                temperature = TemperatureScaling.fit(
                        classifier.logits(features(calibrateOn)), labels(calibrateOn));
            }
            return new TrainingResult(
                    classifier.withMetadata(classifier.metadata().withTemperature(temperature).withDays(days)),
                    runs, temperature);
        } catch (RuntimeException | Error e) {
            models.forEach(Model::close);
            throw e;
        }
    }

    /** Trains one network in {@code model} on its split; leaves its best weights, days folded into its head. */
    private static NetworkRun trainNetwork(Model model, ModelMetadata metadata, TrainingSplit split,
            TrainingConfig config, TrainingListener listener, DaysScale days) {
        ShotNet net = (ShotNet) model.getBlock();
        if (days != null) {
            net.trainOnDays(days);
        }
        Run run = new Run(model, metadata, config, listener, days);
        run.fit(split.train(), split.validation());
        double daysShift = 0;
        if (days != null) {
            // the kept epoch's days are off on average, even on the shots it learned from (by +0.3
            // days on the default recipe): refit the intercept, the least-squares one on the training shots
            float[][] logits = new EngineShotNetwork(model, metadata).logits(features(split.train()));
            double offset = -run.meanDaysError(logits, split.train());
            net.shiftDays(offset);
            daysShift = offset * days.std();
        }
        net.foldDays();
        return new NetworkRun(run.trainLoss.size(), run.bestEpoch, List.copyOf(run.trainLoss),
                List.copyOf(run.trainAccuracy), List.copyOf(run.validationLoss), List.copyOf(run.validationAccuracy),
                daysShift);
    }

    /** Every shot that some split trains on, once each, in the order first met. */
    private static List<LabelledShot> trainedOn(List<TrainingSplit> splits) {
        Set<LabelledShot> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<LabelledShot> out = new ArrayList<>();
        for (TrainingSplit split : splits) {
            for (LabelledShot shot : split.train()) {
                if (seen.add(shot)) {
                    out.add(shot);
                }
            }
        }
        return out;
    }

    private static DaysScale daysScale(List<LabelledShot> fitted, List<TrainingSplit> splits) {
        for (TrainingSplit split : splits) {
            for (List<LabelledShot> shots : List.of(split.train(), split.validation())) {
                for (LabelledShot shot : shots) {
                    if (!shot.hasDays()) {
                        throw new IllegalArgumentException(shot.id() + ": no artist-days, needed to train on days");
                    }
                }
            }
        }
        return DaysScale.fit(fitted);
    }

    /** Passes a network's epochs on, saying which network of how many they belong to. */
    private record NetworkListener(TrainingListener target, int network, int networks) implements TrainingListener {
        @Override
        public void onEpoch(Epoch epoch) {
            target.onEpoch(new Epoch(network, networks, epoch.epoch(), epoch.maxEpochs(), epoch.trainLoss(),
                    epoch.trainAccuracy(), epoch.validationLoss(), epoch.validationAccuracy()));
        }
    }

    /** One training run's state: the per-epoch figures and the best weights so far. */
    private static final class Run {
        private final Model model;
        private final ModelMetadata metadata;
        private final TrainingConfig config;
        private final TrainingListener listener;
        /** Set when training on artist-days. */
        private final DaysScale days;
        final List<Double> trainLoss = new ArrayList<>();
        final List<Double> trainAccuracy = new ArrayList<>();
        final List<Double> validationLoss = new ArrayList<>();
        final List<Double> validationAccuracy = new ArrayList<>();
        int bestEpoch;
        private byte[] bestWeights;

        Run(Model model, ModelMetadata metadata, TrainingConfig config, TrainingListener listener, DaysScale days) {
            this.days = days;
            this.model = model;
            this.metadata = metadata;
            this.config = config;
            this.listener = listener;
        }

        void fit(List<LabelledShot> train, List<LabelledShot> validation) {
            MlEngine.get().setRandomSeed((int) config.seed());
            Random shuffler = new Random(config.seed());
            DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate()))
                            .optWeightDecays(config.weightDecay()).build());
            List<LabelledShot> order = new ArrayList<>(train);
            double best = Double.POSITIVE_INFINITY;
            try (ai.djl.training.Trainer trainer = model.newTrainer(djlConfig)) {
                trainer.initialize(ShotNet.inputShapes(1, config.frames()));
                for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                    Collections.shuffle(order, shuffler);
                    double[] epochFigures = trainEpoch(trainer, order);
                    double[] validationFigures = validation.isEmpty()
                            ? new double[] {Double.NaN, Double.NaN}
                            : validate(trainer, validation);
                    trainLoss.add(epochFigures[0]);
                    trainAccuracy.add(epochFigures[1]);
                    validationLoss.add(validationFigures[0]);
                    validationAccuracy.add(validationFigures[1]);
                    listener.onEpoch(new TrainingListener.Epoch(1, 1, epoch, config.maxEpochs(), epochFigures[0],
                            epochFigures[1], validationFigures[0], validationFigures[1]));
                    double score = validation.isEmpty() ? epochFigures[0] : validationFigures[0];
                    if (score < best) {
                        best = score;
                        bestEpoch = epoch;
                        bestWeights = snapshot();
                    } else if (epoch - bestEpoch >= config.patience()) {
                        break;
                    }
                }
            }
            restore(bestWeights);
        }

        /** One pass over the shuffled training set; returns mean loss and accuracy. */
        private double[] trainEpoch(ai.djl.training.Trainer trainer, List<LabelledShot> order) {
            double lossSum = 0;
            int correct = 0;
            for (int from = 0; from < order.size(); from += config.batchSize()) {
                List<LabelledShot> batch = order.subList(from, Math.min(order.size(), from + config.batchSize()));
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    NDList inputs = ShotTranslator.inputs(
                            manager, features(batch), metadata.normalisation(), config.frames());
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList logits = trainer.forward(inputs);
                        NDArray loss = days == null
                                ? trainer.getLoss().evaluate(new NDList(manager.create(labels(batch))), logits)
                                : days.daysOf(logits.head()).sub(manager.create(standardDays(batch))).square().mean();
                        collector.backward(loss);
                        lossSum += loss.getFloat() * batch.size();
                        correct += countCorrect(ShotTranslator.rows(logits.head()), labels(batch));
                    }
                    trainer.step();
                }
            }
            return new double[] {lossSum / order.size(), correct / (double) order.size()};
        }

        /** Validation negative log-likelihood (temperature 1) and accuracy. */
        private double[] validate(ai.djl.training.Trainer trainer, List<LabelledShot> validation) {
            float[][] logits = new float[validation.size()][];
            for (int from = 0; from < validation.size(); from += ShotClassifier.BATCH) {
                List<LabelledShot> batch =
                        validation.subList(from, Math.min(validation.size(), from + ShotClassifier.BATCH));
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    NDList inputs = ShotTranslator.inputs(
                            manager, features(batch), metadata.normalisation(), config.frames());
                    float[][] rows = ShotTranslator.rows(trainer.evaluate(inputs).head());
                    System.arraycopy(rows, 0, logits, from, rows.length);
                }
            }
            int[] labels = labels(validation);
            double loss = days == null ? TemperatureScaling.nll(logits, labels, 1.0) : daysError(logits, validation);
            return new double[] {loss, countCorrect(logits, labels) / (double) labels.length};
        }

        /** Each shot's artist-days in the standard units the network predicts. */
        private float[] standardDays(List<LabelledShot> shots) {
            float[] out = new float[shots.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) days.standard(shots.get(i).days());
            }
            return out;
        }

        /** Mean squared error of the predicted days (standard units), read back from the logits. */
        private double daysError(float[][] logits, List<LabelledShot> shots) {
            double sum = 0;
            for (double error : daysErrors(logits, shots)) {
                sum += error * error;
            }
            return sum / logits.length;
        }

        /** Mean of predicted less true days (standard units): how far off the intercept is. */
        double meanDaysError(float[][] logits, List<LabelledShot> shots) {
            double sum = 0;
            for (double error : daysErrors(logits, shots)) {
                sum += error;
            }
            return sum / logits.length;
        }

        /** Predicted less true days (standard units) of each shot. */
        private double[] daysErrors(float[][] logits, List<LabelledShot> shots) {
            float[] target = standardDays(shots);
            double[] out = new double[logits.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = days.daysOf(logits[i]) - target[i];
            }
            return out;
        }

        private byte[] snapshot() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                model.getBlock().saveParameters(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        private void restore(byte[] weights) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
                model.getBlock().loadParameters(model.getNDManager(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MalformedModelException e) {
                throw new IllegalStateException("could not restore the best weights", e);
            }
        }
    }

    private static int countCorrect(float[][] logits, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < logits[i].length; c++) {
                if (logits[i][c] > logits[i][best]) {
                    best = c;
                }
            }
            correct += best == labels[i] ? 1 : 0;
        }
        return correct;
    }

    static List<ShotFeatures> features(List<LabelledShot> shots) {
        return shots.stream().map(LabelledShot::features).toList();
    }

    static int[] labels(List<LabelledShot> shots) {
        return shots.stream().mapToInt(s -> s.label().ordinal()).toArray();
    }
}
