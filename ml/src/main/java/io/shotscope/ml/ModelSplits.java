package io.shotscope.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * How a model's training shots are shared out: each network's train and validation shots, and the
 * calibration shots that none of them learns or stops on.
 *
 * <p>The first network's split is the one a single network has always had: its validation shots
 * are held out first (with the seed), then the calibration shots from the rest (with the seed). So
 * the split of a one-network model does not depend on the calibration share or on how many networks
 * are trained, and a model trained before several networks existed comes out of the same command
 * on the same shots. Network k (0-based) after the first holds out its own validation shots, with
 * seed S + k, from every shot outside the calibration split.
 *
 * @param networks    one split per network, in order
 * @param calibration shots only the temperature is fitted on (empty: it is fitted on the first network's validation shots)
 */
public record ModelSplits(List<TrainingSplit> networks, List<LabelledShot> calibration) {

    public ModelSplits {
        networks = List.copyOf(networks);
        calibration = List.copyOf(calibration);
    }

    /**
     * Splits {@code shots} per class, deterministically: {@code validation} of each class to each
     * network's validation shots, {@code calibration} of each class to the calibration shots.
     */
    public static ModelSplits of(List<LabelledShot> shots, double validation, double calibration, long seed,
                                 int networks) {
        if (!(validation > 0 && calibration >= 0 && validation + calibration < 1) || networks < 1) {
            throw new IllegalArgumentException("validation share must be positive, calibration share not negative, "
                    + "together under 1, and at least one network");
        }
        List<List<LabelledShot>> first = ShotDataset.split(shots, validation, seed);
        List<List<LabelledShot>> rest = calibration > 0
                ? ShotDataset.split(first.get(0), calibration / (1 - validation), seed)
                : List.of(first.get(0), List.of());
        List<LabelledShot> calibrationShots = rest.get(1);
        List<TrainingSplit> splits = new ArrayList<>();
        splits.add(new TrainingSplit(rest.get(0), first.get(1)));
        List<LabelledShot> outside = without(shots, calibrationShots);
        for (int k = 1; k < networks; k++) {
            List<List<LabelledShot>> split = ShotDataset.split(outside, validation / (1 - calibration), seed + k);
            splits.add(new TrainingSplit(split.get(0), split.get(1)));
        }
        for (TrainingSplit split : splits) {
            requireEveryClassToLearnFrom(shots, split.train());
        }
        return new ModelSplits(splits, calibrationShots);
    }

    /**
     * Refuses a split whose network would never see a class the shots have: the held-out shares
     * take at least one shot of each class, so a class with one or two shots has none left to learn.
     */
    private static void requireEveryClassToLearnFrom(List<LabelledShot> shots, List<LabelledShot> train) {
        List<String> starved = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) {
            long all = shots.stream().filter(s -> s.label() == d).count();
            if (all > 0 && train.stream().noneMatch(s -> s.label() == d)) {
                starved.add(d + " (" + all + ")");
            }
        }
        if (!starved.isEmpty()) {
            throw new IllegalArgumentException("too few shots to train on: every " + String.join(" and every ", starved)
                    + " shot is held out for validation or calibration; give each class at least 3 shots at the "
                    + "default shares");
        }
    }

    private static List<LabelledShot> without(List<LabelledShot> shots, List<LabelledShot> removed) {
        Set<LabelledShot> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(removed);
        return shots.stream().filter(shot -> !gone.contains(shot)).toList();
    }
}
