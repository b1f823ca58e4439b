package io.shotscope.analysis;

/**
 * The size frames are measured at: the plate scaled down (never up) so its longer side fits
 * the limit, rounded down to multiples of 4 for the motion pyramid.
 *
 * @param scale native pixels per analysis pixel (at least 1)
 */
public record AnalysisSize(int width, int height, double scale) {

    public static AnalysisSize fit(int nativeWidth, int nativeHeight, int maxLongSide) {
        double scale = Math.max(1.0, Math.max(nativeWidth, nativeHeight) / (double) maxLongSide);
        int w = Math.max(16, (int) (nativeWidth / scale) & ~3);
        int h = Math.max(16, (int) (nativeHeight / scale) & ~3);
        return new AnalysisSize(w, h, scale);
    }
}
