package io.shotscope.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;

/** Opens any plate: a movie file, an image sequence pattern, or a folder of frames. */
public final class PlateSources {

    private PlateSources() {
    }

    public static PlateSource open(String input, DecodeOptions options) throws PlateException {
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            throw new PlateException("not a valid path");
        }
        if (ImageSequence.isSequence(input)) {
            return SequenceSource.open(ImageSequence.resolve(input), options);
        }
        if (!Files.exists(path)) {
            throw new PlateException("no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new PlateException("not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new PlateException("permission denied");
        }
        try {
            if (Files.size(path) == 0) {
                throw new PlateException("empty file (0 bytes)");
            }
        } catch (java.io.IOException e) {
            throw new PlateException("cannot read file size");
        }
        return MovieSource.open(path, options);
    }
}
