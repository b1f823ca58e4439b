package io.shotscope.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How much of the shot each object spends on screen: all of it when slow, a part when fast. */
class ObjectsOnScreenTest {

    private static double[] onScreen(double speed) {
        LatentFactors f = Factors.objects(Factors.still(), 4, speed, 0.2, 0);
        return new ShotRenderer(SynthConfig.DEFAULT, f, new Backgrounds(null)).objectsOnScreen();
    }

    @Test
    void slowObjectsStayOnScreenThroughout() {
        for (double share : onScreen(0.5)) {
            assertEquals(1.0, share, 1e-9);
        }
    }

    @Test
    void fastObjectsLeaveTheFrameButAreSeenAtMidShot() {
        double[] shares = onScreen(10);
        assertEquals(4, shares.length);
        double mean = Arrays.stream(shares).average().orElseThrow();
        assertTrue(mean < 0.85, "mean share on screen " + mean);
        for (double share : shares) {
            assertTrue(share > 0.25, "every object is placed inside the frame at mid-shot: " + share);
        }
    }
}
