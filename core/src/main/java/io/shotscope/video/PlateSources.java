package io.shotscope.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Set;

/** Opens any plate: a movie file, an image sequence pattern, or a folder of frames. */
public final class PlateSources {

    /**
     * Extensions (lower case, no dot) of the movie containers FFmpeg reads that plates arrive in,
     * for callers that must judge a file by its name before opening it (the drop folder).
     * {@link #open} itself tries any file that is not an image as a movie.
     */
    public static final Set<String> MOVIE_EXTENSIONS =
            Set.of("mov", "qt", "mp4", "m4v", "mxf", "mkv", "avi", "webm", "mpg", "mpeg", "mts", "m2ts");

    private PlateSources() {
    }

    /**
     * True when a file name has a movie extension and {@link #open} would open it as a movie
     * (a name holding a frame pattern token such as {@code #} would be read as a sequence).
     */
    public static boolean isMovieName(String fileName) {
        return MOVIE_EXTENSIONS.contains(ImageSequence.extension(fileName))
                && !ImageSequence.holdsPatternToken(fileName);
    }

    /**
     * The movies to analyse when a user names a folder of movies as a plate (a folder of camera
     * originals, say), sorted by name; empty when {@code input} is not a folder, or is a folder of
     * image frames (one sequence), or holds no movie.
     *
     * @throws PlateException when the folder cannot be listed
     */
    public static List<Path> moviesInFolder(String input) throws PlateException {
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            return List.of();
        }
        return Files.isDirectory(path) ? ImageSequence.moviesIn(path) : List.of();
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
