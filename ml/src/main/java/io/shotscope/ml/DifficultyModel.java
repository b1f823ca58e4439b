package io.shotscope.ml;

import java.util.ArrayList;
import java.util.List;

/** Anything that gives class probabilities (index = {@link Difficulty#ordinal()}) for a shot. */
public interface DifficultyModel {

    double[] probabilities(ShotFeatures shot);

    default List<double[]> probabilities(List<ShotFeatures> shots) {
        List<double[]> out = new ArrayList<>(shots.size());
        for (ShotFeatures shot : shots) {
            out.add(probabilities(shot));
        }
        return out;
    }

    /** Each shot's probabilities and, from a model that learned artist-days, the days it estimates. */
    default List<Rating> rate(List<ShotFeatures> shots) {
        return probabilities(shots).stream().map(p -> new Rating(p, null)).toList();
    }
}
