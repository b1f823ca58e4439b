package io.shotscope.synth;

import java.nio.file.Path;

/**
 * One rendered shot.
 *
 * @param path    the movie file
 * @param label   its effort class, from {@link EffortRubric} over {@code factors}
 * @param factors what was rendered
 */
public record SynthShot(Path path, ShotLabel label, LatentFactors factors) {
}
