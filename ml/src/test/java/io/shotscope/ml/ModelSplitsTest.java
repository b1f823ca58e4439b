package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelSplitsTest {

    private static final List<LabelledShot> SHOTS = shots(300);

    @Test
    void theValidationShotsOfOneNetworkDoNotDependOnTheCalibrationShare() {
        List<LabelledShot> none = ModelSplits.of(SHOTS, 0.2, 0, 1, 1).networks().get(0).validation();

        assertEquals(none, ModelSplits.of(SHOTS, 0.2, 0.15, 1, 1).networks().get(0).validation());
        assertEquals(none, ModelSplits.of(SHOTS, 0.2, 0.3, 1, 1).networks().get(0).validation());
        assertNotEquals(none, ModelSplits.of(SHOTS, 0.2, 0.15, 2, 1).networks().get(0).validation());
    }

    @Test
    void theFirstOfSeveralNetworksLearnsFromTheShotsOneNetworkWould() {
        ModelSplits one = ModelSplits.of(SHOTS, 0.2, 0.15, 1, 1);
        ModelSplits three = ModelSplits.of(SHOTS, 0.2, 0.15, 1, 3);

        assertEquals(one.networks().get(0), three.networks().get(0));
        assertEquals(one.calibration(), three.calibration());
        assertEquals(3, three.networks().size());
    }

    @Test
    void everyNetworkSharesOutAllShotsOutsideTheCalibrationSplit() {
        ModelSplits splits = ModelSplits.of(SHOTS, 0.2, 0.15, 1, 3);

        assertEquals(45, splits.calibration().size());
        for (TrainingSplit split : splits.networks()) {
            Set<LabelledShot> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (List<LabelledShot> part : List.of(split.train(), split.validation(), splits.calibration())) {
                for (LabelledShot shot : part) {
                    assertTrue(seen.add(shot), shot.id() + " is in two parts");
                }
            }
            assertEquals(SHOTS.size(), seen.size());
            assertEquals(60, split.validation().size());
        }
        assertNotEquals(splits.networks().get(0).validation(), splits.networks().get(1).validation());
        assertNotEquals(splits.networks().get(1).validation(), splits.networks().get(2).validation());
    }

    @Test
    void withoutCalibrationSharesTheShotsInTwo() {
        ModelSplits splits = ModelSplits.of(SHOTS, 0.2, 0, 1, 1);

        assertTrue(splits.calibration().isEmpty());
        assertEquals(240, splits.networks().get(0).train().size());
    }

    @Test
    void sharesThatLeaveNothingToTrainOnAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModelSplits.of(SHOTS, 0.6, 0.4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ModelSplits.of(SHOTS, 0, 0.1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ModelSplits.of(SHOTS, 0.2, 0.1, 1, 0));
    }

    @Test
    void aClassWithTooFewShotsToLearnFromIsRefusedByName() {
        List<LabelledShot> shots = new ArrayList<>(shots(30).stream().filter(s -> s.label() != Difficulty.Hard).toList());
        shots.add(new LabelledShot("hard1", null, Difficulty.Hard));
        shots.add(new LabelledShot("hard2", null, Difficulty.Hard));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSplits.of(shots, 0.2, 0.15, 1, 1));
        assertTrue(e.getMessage().contains("every Hard (2) shot is held out"), e.getMessage());
        assertFalse(e.getMessage().contains("Easy"), e.getMessage());
    }

    @Test
    void threeShotsOfEachClassAreEnoughAtTheDefaultShares() {
        ModelSplits splits = ModelSplits.of(shots(9), 0.2, 0.15, 1, 3);

        for (TrainingSplit split : splits.networks()) {
            assertEquals(3, split.train().stream().map(LabelledShot::label).distinct().count());
        }
    }

    @Test
    void aMissingClassIsNotAShortfall() {
        List<LabelledShot> twoClasses = shots(30).stream().filter(s -> s.label() != Difficulty.Hard).toList();

        assertEquals(2, ModelSplits.of(twoClasses, 0.2, 0.15, 1, 1).networks().get(0).train().stream()
                .map(LabelledShot::label).distinct().count());
    }

    private static List<LabelledShot> shots(int count) {
        List<LabelledShot> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shots.add(new LabelledShot("s" + i, null, Difficulty.values()[i % 3]));
        }
        return shots;
    }
}
