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
}
