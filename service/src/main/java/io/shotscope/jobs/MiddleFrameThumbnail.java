package io.shotscope.jobs;

import io.shotscope.analysis.FrameTap;
import io.shotscope.analysis.Thumbnail;
import io.shotscope.analysis.ThumbnailSampler;
import io.shotscope.metrics.AnalysisFrame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Keeps a few frames spread over the shot while it is analysed and gives the middle one as a JPEG, at
 * the quarter of the analysis size (160 x 90 for a 16:9 plate analysed at 640 px).
 */
final class MiddleFrameThumbnail implements FrameTap {

    /** Frames kept to choose the middle one from, whatever the shot length. */
    private static final int KEPT = 8;

    private ThumbnailSampler sampler;

    @Override
    public void frame(int analysedIndex, AnalysisFrame frame) {
        if (sampler == null) {
            sampler = new ThumbnailSampler(frame.quarter.width, frame.quarter.height, KEPT);
        }
        sampler.frame(analysedIndex, frame);
    }

    /** The middle kept frame as JPEG, or null when no frame was analysed. */
    byte[] jpeg() {
        if (sampler == null) {
            return null;
        }
        List<Thumbnail> kept = sampler.thumbnails();
        if (kept.isEmpty()) {
            return null;
        }
        return encode(kept.get(kept.size() / 2));
    }

    static byte[] encode(Thumbnail thumbnail) {
        int w = thumbnail.width();
        int h = thumbnail.height();
        byte[] rgb = thumbnail.rgb();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                image.setRGB(x, y, (rgb[o] & 0xFF) << 16 | (rgb[o + 1] & 0xFF) << 8 | (rgb[o + 2] & 0xFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("this Java runtime has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the thumbnail: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
