package io.shotscope.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EffortRubricTest {

    static double effort(LatentFactors f) {
        return EffortRubric.score(f).total();
    }

    @Test
    void aShotWithNoCameraMoveObjectsGrainOrFlickerIsEasy() {
        LatentFactors still = Factors.still();
        assertEquals(0, effort(still));
        assertEquals(ShotLabel.EASY, EffortRubric.label(still));
    }

    @Test
    void heavyShakeManyFastBlurredObjectsAndGrainIsHard() {
        LatentFactors f = Factors.grain(Factors.objects(Factors.shake(Factors.still(), 5, 8), 4, 10, 0.2, 1.0), 10);
        assertEquals(ShotLabel.HARD, EffortRubric.label(f));
    }

    @Test
    void shakeCostsMoreThanASmoothPanOfTheSameAverageSpeed() {
        // a sinusoid of amplitude A and frequency f moves 4 A f px per second on average
        for (double amplitude : new double[] {0.8, 2, 5}) {
            double hz = 6;
            double speedPerFrame = 4 * amplitude * hz / 24;
            double shake = effort(Factors.shake(Factors.still(), amplitude, hz));
            double pan = effort(Factors.pan(Factors.still(), speedPerFrame));
            assertTrue(shake > pan, "shake " + amplitude + " px: " + shake + " vs pan " + pan);
        }
    }

    @Test
    void aFlickerBurstRaisesEffortAsMuchAsSteadyFlicker() {
        LatentFactors base = Factors.objects(Factors.still(), 1, 3, 0.2, 0.5);
        LatentFactors burst = Factors.flicker(base, 0.15, true, 20, 4);
        LatentFactors steady = Factors.flicker(base, 0.15, false, 0, 0);
        assertTrue(effort(burst) > effort(base));
        assertEquals(effort(steady), effort(burst));
    }

    @Test
    void aBriefOcclusionNeedsPaintLikeALongOne() {
        LatentFactors brief = Factors.occluder(Factors.still(), 10, 3);
        LatentFactors longer = Factors.occluder(Factors.still(), 10, 24);
        assertTrue(effort(brief) > 0);
        assertEquals(effort(longer), effort(brief));
    }

    @Test
    void fasterAndMoreBlurredObjectsCostMore() {
        LatentFactors slow = Factors.objects(Factors.still(), 2, 1, 0.2, 0);
        LatentFactors fast = Factors.objects(Factors.still(), 2, 8, 0.2, 0);
        LatentFactors blurred = Factors.objects(Factors.still(), 2, 8, 0.2, 1);
        LatentFactors more = Factors.objects(Factors.still(), 4, 8, 0.2, 1);
        assertTrue(effort(slow) < effort(fast));
        assertTrue(effort(fast) < effort(blurred));
        assertTrue(effort(blurred) < effort(more));
    }

    @Test
    void classesAreRoughlyBalancedOverTheDefaultDistribution() {
        SplittableRandom rng = new SplittableRandom(2024);
        Map<ShotLabel, Integer> counts = new EnumMap<>(ShotLabel.class);
        int n = 200;
        for (int i = 0; i < n; i++) {
            counts.merge(EffortRubric.label(LatentFactors.sample(rng.split(), SynthConfig.DEFAULT, List.of())), 1, Integer::sum);
        }
        for (ShotLabel label : ShotLabel.values()) {
            int c = counts.getOrDefault(label, 0);
            assertTrue(c >= 0.2 * n && c <= 0.5 * n, label + ": " + c + " of " + n + " " + counts);
        }
    }
}
