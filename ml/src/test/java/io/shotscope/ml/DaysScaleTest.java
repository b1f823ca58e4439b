package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DaysScaleTest {

    @Test
    void boundariesLieWhereTheLabelsChange() {
        List<LabelledShot> shots = new ArrayList<>();
        for (double days = 0.25; days < 12; days += 0.5) {
            Difficulty label = days < 4.5 ? Difficulty.Easy : days < 7 ? Difficulty.Medium : Difficulty.Hard;
            shots.add(new LabelledShot("s" + days, null, label, days));
        }
        DaysScale scale = DaysScale.fit(shots);
        assertEquals(4.5, scale.easyBelow() * scale.std() + scale.mean(), 0.26);
        assertEquals(7.0, scale.mediumBelow() * scale.std() + scale.mean(), 0.26);
    }

    @Test
    void boundaryToleratesAFewShotsOnTheWrongSide() {
        List<LabelledShot> shots = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double days = i / 10.0;
            boolean mislabelled = i == 10 || i == 80; // one Hard among the Easy, one Easy among the Hard
            boolean hard = days >= 5 ^ mislabelled;
            shots.add(new LabelledShot("s" + i, null, hard ? Difficulty.Hard : Difficulty.Easy, days));
        }
        assertEquals(4.95, DaysScale.boundary(shots, Difficulty.Easy), 1e-9);
    }

    @Test
    void foldedHeadGivesTheSameLogitsAsTheDaysMap() {
        DaysScale scale = new DaysScale(5, 2.5, -0.3, 0.7);
        Random random = new Random(3);
        int n = 7;
        float[] weight = new float[3 * n];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        float[] bias = {0.4f, -0.2f, 0.9f};
        float[] foldedWeight = scale.foldWeight(weight, n);
        float[] foldedBias = scale.foldBias(bias);
        for (int trial = 0; trial < 5; trial++) {
            double[] h = random.doubles(n).toArray();
            double d = bias[DaysScale.DAYS_ROW];
            for (int i = 0; i < n; i++) {
                d += weight[DaysScale.DAYS_ROW * n + i] * h[i];
            }
            double[] expected = {0, (d - scale.easyBelow()) / DaysScale.WIDTH,
                (2 * d - scale.easyBelow() - scale.mediumBelow()) / DaysScale.WIDTH};
            for (int c = 0; c < 3; c++) {
                double logit = foldedBias[c];
                for (int i = 0; i < n; i++) {
                    logit += foldedWeight[c * n + i] * h[i];
                }
                assertEquals(expected[c], logit, 1e-4, "class " + c);
            }
            // Medium wins exactly between the boundaries
            int best = expected[1] > expected[0] && expected[1] > expected[2] ? 1 : expected[0] > expected[2] ? 0 : 2;
            int byDays = d < scale.easyBelow() ? 0 : d < scale.mediumBelow() ? 1 : 2;
            assertEquals(byDays, best, "days " + d);
        }
        assertTrue(foldedWeight[0] == 0 && foldedBias[0] == 0, "Easy is the reference logit");
    }

    @Test
    void theFoldedLogitsGiveTheDaysBackWhateverTheirCommonOffset() {
        DaysScale scale = new DaysScale(5, 2.5, -0.3, 0.7);
        for (double d : new double[] {-1.5, -0.3, 0.2, 0.7, 2}) {
            float medium = (float) ((d - scale.easyBelow()) / DaysScale.WIDTH);
            float hard = (float) ((2 * d - scale.easyBelow() - scale.mediumBelow()) / DaysScale.WIDTH);
            assertEquals(5 + 2.5 * d, scale.estimate(new float[] {0, medium, hard}), 1e-5);
            assertEquals(5 + 2.5 * d, scale.estimate(new float[] {3, 3 + medium, 3 + hard}), 1e-5);
        }
    }
}
