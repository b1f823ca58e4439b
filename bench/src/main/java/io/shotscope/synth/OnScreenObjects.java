package io.shotscope.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            out.println("name,object_count,on_screen_sum,on_screen_min,on_screen_max");
            RedrawnRun.forEach(Path.of(args[0]), Long.parseLong(args[1]), Path.of(args[2]), (name, renderer) -> {
                double[] share = renderer.objectsOnScreen();
                double sum = 0;
                double min = share.length == 0 ? 0 : 1;
                double max = 0;
                for (double s : share) {
                    sum += s;
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                }
                out.printf(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f%n", name, share.length, sum, min, max);
            });
        }
    }
}
