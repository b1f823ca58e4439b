package io.shotscope.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Background plates, larger than the frame so the camera can travel over them: a crop of a frame
 * of real footage, or a procedural picture (gradient, soft noise and shapes).
 */
final class Backgrounds {

    private static final List<String> MOVIE_EXTENSIONS = List.of(".mp4", ".mkv", ".mov", ".avi", ".mxf", ".webm");

    /** One decoded frame of footage, packed RGB24. */
    private record Still(int width, int height, byte[] rgb) {
    }

    private final Path dir;
    private final List<String> clips;
    private final Map<String, Still> stills = new ConcurrentHashMap<>();

    /** @param dir folder of footage clips, or null for procedural backgrounds only */
    Backgrounds(Path dir) {
        this.dir = dir;
        this.clips = dir == null ? List.of() : list(dir);
        if (dir != null && clips.isEmpty()) {
            throw new IllegalArgumentException("backgrounds " + dir + ": no movie files ("
                    + String.join(" ", MOVIE_EXTENSIONS) + ") in it");
        }
    }

    /** Clip file names, sorted, so sampling is the same on every machine. */
    List<String> clips() {
        return clips;
    }

    /** The background of a shot, {@code w x h} RGB. */
    float[] render(LatentFactors f, int w, int h, SplittableRandom rng) {
        return f.background().equals(LatentFactors.PROCEDURAL)
                ? procedural(w, h, rng)
                : crop(still(f.background(), f.backgroundSlot()), w, h, rng);
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> MOVIE_EXTENSIONS.stream().anyMatch(n.toLowerCase(Locale.ROOT)::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list backgrounds in " + dir, e);
        }
    }

    private Still still(String clip, int slot) {
        return stills.computeIfAbsent(clip + "#" + slot, k -> decode(dir.resolve(clip), slot));
    }

    /**
     * The frame at {@code (slot + 0.5) / BACKGROUND_SLOTS} of the clip's length.
     *
     * @throws IllegalArgumentException when the clip is not footage FFmpeg can read (bad input, not a bug)
     */
    private static Still decode(Path clip, int slot) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.start();
            long length = grabber.getLengthInTime();
            if (length > 0) {
                grabber.setTimestamp(length * (2L * slot + 1) / (2L * LatentFactors.BACKGROUND_SLOTS));
            }
            Frame frame = grabber.grabImage();
            if (frame == null) {
                grabber.setTimestamp(0);
                frame = grabber.grabImage();
            }
            if (frame == null) {
                throw new IllegalArgumentException("background " + clip + ": no picture in it");
            }
            int w = frame.imageWidth;
            int h = frame.imageHeight;
            byte[] rgb = new byte[3 * w * h];
            ByteBuffer buf = ((ByteBuffer) frame.image[0]).duplicate();
            for (int y = 0; y < h; y++) {
                buf.position(y * frame.imageStride);
                buf.get(rgb, 3 * y * w, 3 * w);
            }
            return new Still(w, h, rgb);
        } catch (FrameGrabber.Exception e) {
            throw new IllegalArgumentException("background " + clip + ": not a movie FFmpeg can read", e);
        }
    }

    /** A random crop with the background's aspect (60-100 % of the largest), maybe mirrored, resampled to w x h. */
    private static float[] crop(Still still, int w, int h, SplittableRandom rng) {
        double aspect = w / (double) h;
        double maxW = Math.min(still.width(), still.height() * aspect);
        double cw = maxW * rng.nextDouble(0.6, 1.0);
        double ch = cw / aspect;
        double x0 = rng.nextDouble() * (still.width() - cw);
        double y0 = rng.nextDouble() * (still.height() - ch);
        boolean mirror = rng.nextBoolean();
        float[] src = new float[3 * still.width() * still.height()];
        for (int i = 0; i < src.length; i++) {
            src[i] = still.rgb()[i] & 0xff;
        }
        float[] out = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (mirror ? w - x - 0.5 : x + 0.5) * cw / w;
                Pixels.addBilinear(src, still.width(), still.height(), x0 + u, y0 + (y + 0.5) * ch / h, 1f,
                        out, 3 * (y * w + x));
            }
        }
        return out;
    }

    /** A gradient between two colours, soft two-octave noise, and 20-40 soft shapes, some striped. */
    static float[] procedural(int w, int h, SplittableRandom rng) {
        float[] a = randomColour(rng);
        float[] b = randomColour(rng);
        double angle = rng.nextDouble(2 * Math.PI);
        double gx = StrictMath.cos(angle) / w;
        double gy = StrictMath.sin(angle) / h;
        float[] coarse = Pixels.valueNoise(w, h, h / 4.0, rng);
        float[] fine = Pixels.valueNoise(w, h, h / 24.0, rng);
        float[] out = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float t = (float) Math.min(1, Math.max(0, 0.5 + (x - w / 2.0) * gx + (y - h / 2.0) * gy));
                float n = 30 * coarse[i] + 12 * fine[i];
                for (int c = 0; c < 3; c++) {
                    out[3 * i + c] = a[c] + (b[c] - a[c]) * t + n;
                }
            }
        }
        int shapes = 20 + rng.nextInt(21);
        for (int s = 0; s < shapes; s++) {
            drawShape(out, w, h, rng);
        }
        return out;
    }

    private static void drawShape(float[] img, int w, int h, SplittableRandom rng) {
        double rx = h * rng.nextDouble(0.03, 0.15);
        double ry = h * rng.nextDouble(0.03, 0.15);
        double cx = rng.nextDouble(w);
        double cy = rng.nextDouble(h);
        boolean rect = rng.nextBoolean();
        boolean striped = rng.nextDouble() < 0.3;
        double period = rng.nextDouble(3, 10);
        float opacity = (float) rng.nextDouble(0.5, 1);
        float[] colour = randomColour(rng);
        int x0 = (int) Math.max(0, cx - rx - 2), x1 = (int) Math.min(w - 1, cx + rx + 2);
        int y0 = (int) Math.max(0, cy - ry - 2), y1 = (int) Math.min(h - 1, cy + ry + 2);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float a = opacity * Pixels.coverage(x + 0.5, y + 0.5, cx, cy, rx, ry, rect, 1.5);
                if (a <= 0) {
                    continue;
                }
                float shade = striped && ((int) Math.floor((x + y) / period) & 1) == 0 ? 0.55f : 1f;
                int o = 3 * (y * w + x);
                for (int c = 0; c < 3; c++) {
                    img[o + c] += (colour[c] * shade - img[o + c]) * a;
                }
            }
        }
    }

    private static float[] randomColour(SplittableRandom rng) {
        return new float[] {(float) rng.nextDouble(20, 235), (float) rng.nextDouble(20, 235), (float) rng.nextDouble(20, 235)};
    }
}
