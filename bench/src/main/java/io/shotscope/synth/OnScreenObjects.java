package io.shotscope.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Experiment, not part of the product (docs/model.md, "An object speed input, and what limits the
 * object count"): for every shot of a synthetic run, the share of the shot each object spends on
 * screen, from the renderer's own geometry. The rubric charges every object in full; with these
 * shares bench/python/onscreen_rubric.py asks what a rubric charging objects for their frames on
 * screen would change. In this package to reach the renderer, which the product keeps to itself.
 *
 * <p>usage: {@code OnScreenObjects SHOT_DIR RUN_SEED BACKGROUNDS_DIR OUT_CSV}; SHOT_DIR holds the
 * run's manifest, whose factors are checked against the ones re-drawn from the seed.
 */
public final class OnScreenObjects {
    private OnScreenObjects() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: OnScreenObjects SHOT_DIR RUN_SEED BACKGROUNDS_DIR OUT_CSV");
            System.exit(2);
        }
        Path shots = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Backgrounds backgrounds = new Backgrounds(Path.of(args[2]));
        List<String> rows = Files.readAllLines(shots.resolve(SyntheticShots.MANIFEST));
        int seedColumn = List.of(rows.get(0).split(",")).indexOf("detail_seed");
        SynthConfig config = SynthConfig.DEFAULT;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            out.println("name,object_count,on_screen_sum,on_screen_min,on_screen_max");
            for (int index = 0; index < rows.size() - 1; index++) {
                LatentFactors f = SyntheticShots.factors(seed, index, config, backgrounds.clips());
                String detailSeed = rows.get(index + 1).split(",")[seedColumn];
                if (!detailSeed.equals(Long.toString(f.detailSeed()))) {
                    throw new IllegalStateException("row " + (index + 1) + " was not drawn with seed " + seed);
                }
                double[] share = new ShotRenderer(config, f, backgrounds).objectsOnScreen();
                double sum = 0;
                double min = share.length == 0 ? 0 : 1;
                double max = 0;
                for (double s : share) {
                    sum += s;
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                }
                out.printf(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f%n", SyntheticShots.fileName(index), share.length, sum, min,
                        max);
            }
        }
    }
}
