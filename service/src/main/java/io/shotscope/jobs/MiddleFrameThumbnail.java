package io.shotscope.jobs;

import io.shotscope.analysis.FrameTap;
import io.shotscope.analysis.Thumbnail;
import io.shotscope.analysis.ThumbnailSampler;
import io.shotscope.metrics.AnalysisFrame;
import io.shotscope.store.StoredFrame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Keeps frames spread over the shot while it is analysed, at the quarter of the analysis size (160 x 90
 * for a 16:9 plate analysed at 640 px): the middle one is the shot's thumbnail, all of them its filmstrip.
 */
final class MiddleFrameThumbnail implements FrameTap {

    /** Frames kept for the filmstrip (the thumbnail is the middle one), whatever the shot length. */
    static final int FILMSTRIP_FRAMES = 24;

    private ThumbnailSampler sampler;

    @Override
    public void frame(int analysedIndex, AnalysisFrame frame) {
        if (sampler == null) {
            sampler = new ThumbnailSampler(frame.quarter.width, frame.quarter.height, FILMSTRIP_FRAMES);
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

    /** Every kept frame as JPEG, in frame order; empty when no frame was analysed. */
    List<StoredFrame> filmstrip() {
        if (sampler == null) {
            return List.of();
        }
        return sampler.thumbnails().stream().map(t -> new StoredFrame(t.frameNumber(), encode(t))).toList();
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
