package io.shotscope.video;

import java.util.ArrayList;
import java.util.List;

/**
 * A plate opened and decoded to the end, for tests: what it declared, the frame numbers it
 * returned and the first and last frames as luma at the plate's own size.
 */
record Decoded(PlateInfo info, List<Integer> numbers, LumaPlane firstPlane, LumaPlane lastPlane) {

    static Decoded all(String input) throws PlateException {
        return all(input, DecodeOptions.defaults());
    }

    static Decoded all(String input, DecodeOptions options) throws PlateException {
        try (PlateSource source = PlateSources.open(input, options)) {
            PlateInfo info = source.info();
            List<Integer> numbers = new ArrayList<>();
            LumaPlane first = null;
            Picture picture = new Picture(info.width(), info.height());
            LumaPlane plane = picture.luma;
            int n;
            while ((n = source.next(picture)) != PlateSource.END) {
                numbers.add(n);
                if (first == null) {
                    first = new LumaPlane(plane.width, plane.height, plane.pixels.clone());
                }
            }
            return new Decoded(info, numbers, first, plane);
        }
    }

    int frames() {
        return numbers.size();
    }

    static double mean(LumaPlane plane) {
        long sum = 0;
        for (byte b : plane.pixels) {
            sum += b & 0xFF;
        }
        return (double) sum / plane.pixels.length;
    }

    /** Mean absolute difference of two planes of one size, in 8-bit levels. */
    static double meanAbsDiff(LumaPlane a, LumaPlane b) {
        long sum = 0;
        for (int i = 0; i < a.pixels.length; i++) {
            sum += Math.abs((a.pixels[i] & 0xFF) - (b.pixels[i] & 0xFF));
        }
        return (double) sum / a.pixels.length;
    }
}
