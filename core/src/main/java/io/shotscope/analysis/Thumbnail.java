package io.shotscope.analysis;

/**
 * A small RGB picture of one analysed frame.
 *
 * @param analysedIndex position among the analysed frames (an index into {@code frame_scores})
 * @param frameNumber   the plate's frame number
 * @param rgb           interleaved 8-bit RGB, row-major, {@code width * height * 3} bytes
 */
public record Thumbnail(int analysedIndex, int frameNumber, int width, int height, byte[] rgb) {
}
