package io.shotscope.bench;

import io.shotscope.synth.LatentFactors;
import io.shotscope.synth.SynthConfig;
import io.shotscope.synth.SyntheticShots;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clean synthetic plates that differ only by a pan (docs/model.md, "The explanation of a days
 * model"): for each footage background, the renderer's shot with every factor at 0, then the same
 * shot panning horizontally at each of {@link #SPEEDS} reference pixels a frame. Rate them with
 * {@code shotscope analyze}, and compare a pair with {@link InputSwap}.
 *
 * <p>usage: {@code PanLadder OUT_DIR BACKGROUNDS_DIR CLIP...}; writes {@code OUT_DIR/B-panS.mkv}, B
 * the clip's index and S the speed
 */
public final class PanLadder {

    /** Pan speeds, reference pixels a frame; 0 is the locked-off plate. */
    private static final double[] SPEEDS = {0, 1, 3, 6};
    /** Which of the clip's background frames (0-7): the same one for every speed. */
    private static final int SLOT = 3;
    /** Detail seed of the first clip's shots; each clip adds its index. */
    private static final long SEED = 11;

    private PanLadder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PanLadder OUT_DIR BACKGROUNDS_DIR CLIP...");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        Path backgrounds = Path.of(args[1]);
        for (int c = 2; c < args.length; c++) {
            for (double speed : SPEEDS) {
                LatentFactors pan = new LatentFactors(SEED + c - 2, args[c], SLOT, speed, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, false, 0, 0, 0);
                Path file = out.resolve((c - 2) + "-pan" + (int) speed + ".mkv");
                SyntheticShots.renderShot(file, pan, SynthConfig.DEFAULT, backgrounds);
                System.out.println(file);
            }
        }
    }
}
