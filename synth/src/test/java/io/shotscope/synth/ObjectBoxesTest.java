package io.shotscope.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where each object is on screen, frame by frame, as a detector experiment reads it. */
class ObjectBoxesTest {

    private static ShotRenderer renderer(double speed) {
        LatentFactors f = Factors.objects(Factors.still(), 3, speed, 0.2, 0);
        return new ShotRenderer(SynthConfig.DEFAULT, f, new Backgrounds(null));
    }

    @Test
    void everyObjectIsInsideTheFrameAtMidShotWithItsSize() {
        SynthConfig config = SynthConfig.DEFAULT;
        double[][] boxes = renderer(10).objectBoxes(config.frames() / 2);
        assertEquals(3, boxes.length);
        for (double[] box : boxes) {
            assertTrue(box[0] > 0 && box[0] < config.width() && box[1] > 0 && box[1] < config.height(),
                    "centre " + box[0] + ", " + box[1]);
            // object_size 0.2 of the frame height, drawn at 0.8-1.2 times that, on a still camera (scale 1)
            assertTrue(box[3] >= 0.8 * 0.2 * config.height() - 1 && box[3] <= 1.2 * 0.2 * config.height() + 1,
                    "height " + box[3]);
        }
    }

    @Test
    void aMovingObjectsCentreMovesByItsSpeedEachFrame() {
        ShotRenderer renderer = renderer(4);
        double[] before = renderer.objectBoxes(20)[0];
        double[] after = renderer.objectBoxes(21)[0];
        double step = Math.hypot(after[0] - before[0], after[1] - before[1]);
        double px = SynthConfig.DEFAULT.pixelScale();
        assertTrue(step >= 0.8 * 4 * px - 1e-9 && step <= 1.2 * 4 * px + 1e-9, "moved " + step + " px");
    }
}
