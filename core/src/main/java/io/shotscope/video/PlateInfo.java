package io.shotscope.video;

import java.nio.file.Path;
import java.util.List;

/**
 * What is known about a plate before its frames are decoded.
 *
 * @param kind           movie or image sequence
 * @param files          the files whose bytes make up the content, in frame order (one for a movie)
 * @param stem           the report's base name: file name without extension, or the sequence name
 *                       without its frame pattern
 * @param width          native width in pixels
 * @param height         native height in pixels
 * @param fps            frame rate used for timing (from the container, or --fps)
 * @param firstFrame     number of the first frame (0 for movies, the file's number for sequences)
 * @param declaredFrames frames the container or the file list declares, or -1 when unknown
 * @param missingFrames  frame numbers absent from a sequence (empty unless gaps were allowed)
 * @param codec          decoder name, for the report
 */
public record PlateInfo(
        PlateKind kind,
        List<Path> files,
        String stem,
        int width,
        int height,
        double fps,
        int firstFrame,
        long declaredFrames,
        List<Integer> missingFrames,
        String codec) {

    public PlateInfo {
        files = List.copyOf(files);
        missingFrames = List.copyOf(missingFrames);
    }
}
