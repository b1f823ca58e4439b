package io.shotscope.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Factors that only show over time really are confined to their frames. */
class TemporalFactorsTest {

    static final SynthConfig CONFIG = SynthConfig.DEFAULT.withSize(96, 54).withFrames(16).withThreads(1);

    @TempDir
    Path tmp;

    Movies.Decoded render(String name, LatentFactors f) throws Exception {
        Path file = tmp.resolve(name + ".mkv");
        SyntheticShots.renderShot(file, f, CONFIG, null);
        return Movies.decode(file);
    }

    @Test
    void aStillShotHasIdenticalFrames() throws Exception {
        Movies.Decoded still = render("still", Factors.still());
        for (int i = 1; i < still.frames().size(); i++) {
            assertArrayEquals(still.frames().get(0), still.frames().get(i), "frame " + i);
        }
    }

    @Test
    void aFlickerBurstChangesOnlyItsFrames() throws Exception {
        Movies.Decoded still = render("still", Factors.still());
        Movies.Decoded burst = render("burst", Factors.flicker(Factors.still(), 0.2, true, 6, 4));
        for (int i = 0; i < 16; i++) {
            boolean inBurst = i >= 6 && i < 10;
            double shift = Math.abs(burst.mean(i) - still.mean(i));
            assertTrue(inBurst ? shift > 5 : shift == 0, "frame " + i + " brightness shift " + shift);
        }
    }

    @Test
    void aBriefOccluderCoversOnlyAFewFrames() throws Exception {
        Movies.Decoded still = render("still", Factors.still());
        Movies.Decoded occluded = render("occluded", Factors.occluder(Factors.still(), 5, 3));
        for (int i = 0; i < 16; i++) {
            boolean same = Arrays.equals(still.frames().get(i), occluded.frames().get(i));
            if (i >= 5 && i < 8) {
                assertFalse(same, "frame " + i + " should be occluded");
            } else if (i < 4 || i > 8) {
                assertTrue(same, "frame " + i + " should be clear");
            }
        }
    }

    @Test
    void shakeMovesTheFrameBackAndForthWhereAPanKeepsGoing() throws Exception {
        Movies.Decoded shake = render("shake", Factors.shake(Factors.still(), 3, 8));
        Movies.Decoded pan = render("pan", Factors.pan(Factors.still(), 1.5));
        // a pan never returns to its first frame; shake keeps coming back near it
        double panDrift = difference(pan.frames().get(0), pan.frames().get(15));
        double shakeDrift = difference(shake.frames().get(0), shake.frames().get(15));
        assertTrue(difference(shake.frames().get(0), shake.frames().get(1)) > 0);
        assertTrue(panDrift > shakeDrift * 0.5, "pan " + panDrift + " shake " + shakeDrift);
    }

    static double difference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length;
    }
}
