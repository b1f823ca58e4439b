package io.shotscope.watch;

import io.shotscope.video.PlateKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A movie, or the numbered images of one shot in one folder, as one scan of the drop folder saw it.
 *
 * @param kind       a movie (one file) or an image sequence
 * @param input      what {@code PlateSources.open} accepts: the movie's path, or the sequence's
 *                   pattern such as {@code /drop/sq010/plate.####.exr}; it also identifies the
 *                   candidate from one scan to the next
 * @param files      the movie, or the frames by ascending frame number; hash them with
 *                   {@code ContentHash.sha256(files)} to find content seen before
 * @param firstFrame the sequence's lowest frame number (0 for a movie)
 * @param lastFrame  the sequence's highest frame number (0 for a movie)
 * @param signature  what must stay unchanged for the candidate to count as completely copied
 */
public record PlateCandidate(
        PlateKind kind, String input, List<Path> files, int firstFrame, int lastFrame, Signature signature) {

    /**
     * What a scan can tell of a plate without reading it.
     *
     * @param fileCount      files found (frames of a sequence, 1 for a movie)
     * @param totalBytes     their sizes added up
     * @param newestModified the latest modification time among them
     */
    public record Signature(int fileCount, long totalBytes, Instant newestModified) {
    }

    public PlateCandidate {
        files = List.copyOf(files);
    }

    /** Frames absent between the first and the last (0 for a movie). */
    public int missingFrames() {
        return kind == PlateKind.SEQUENCE ? lastFrame - firstFrame + 1 - files.size() : 0;
    }

    public long totalBytes() {
        return signature.totalBytes();
    }
}
