package io.shotscope.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shots of a synthetic run drawn again from the run's seed, for experiments that need the
 * renderer's own geometry (not part of the product). Each shot's factors are checked against the
 * run's manifest, so a wrong seed is refused rather than read as another run.
 */
final class RedrawnRun {

    /** What an experiment does with one shot of the run. */
    interface ShotVisitor {
        void visit(String fileName, ShotRenderer renderer) throws IOException;
    }

    private RedrawnRun() {
    }

    /** Visits every shot of the run in {@code shots} (its folder, holding the manifest), in manifest order. */
    static void forEach(Path shots, long seed, Path backgroundsDir, ShotVisitor visitor) throws IOException {
        Backgrounds backgrounds = new Backgrounds(backgroundsDir);
        List<String> rows = Files.readAllLines(shots.resolve(SyntheticShots.MANIFEST));
        int seedColumn = List.of(rows.get(0).split(",")).indexOf("detail_seed");
        SynthConfig config = SynthConfig.DEFAULT;
        for (int index = 0; index < rows.size() - 1; index++) {
            LatentFactors f = SyntheticShots.factors(seed, index, config, backgrounds.clips());
            String detailSeed = rows.get(index + 1).split(",")[seedColumn];
            if (!detailSeed.equals(Long.toString(f.detailSeed()))) {
                throw new IllegalStateException("row " + (index + 1) + " was not drawn with seed " + seed);
            }
            visitor.visit(SyntheticShots.fileName(index), new ShotRenderer(config, f, backgrounds));
        }
    }
}
