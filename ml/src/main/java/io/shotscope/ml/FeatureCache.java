package io.shotscope.ml;

import io.shotscope.analysis.ContentHash;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.video.DecodeOptions;
import io.shotscope.video.PlateException;
import io.shotscope.video.PlateSource;
import io.shotscope.video.PlateSources;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Model inputs on disk, keyed by the plate's content hash, the analyser version and T, so training
 * again on the same shots does not decode them again. Thumbnails are stored as bytes.
 */
public final class FeatureCache {

    private static final int MAGIC = 0x53534643; // "SSFC"
    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    /** The default folder: {@code $XDG_CACHE_HOME/shotscope/features}, else {@code ~/.cache/shotscope/features}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("shotscope").resolve("features");
    }

    /**
     * The cache key of a plate: hashing its bytes is far cheaper than decoding them. The analyser
     * version, T and the number of metrics are part of it, so features of another layout are never read.
     */
    public static String key(String input, DecodeOptions decode) throws PlateException {
        try (PlateSource source = PlateSources.open(input, decode)) {
            return key(ContentHash.sha256(source.info().files()));
        }
    }

    static String key(String contentHash) {
        return contentHash + "-" + ShotAnalyzer.VERSION + "-T" + ShotFeatures.FRAMES + "-M" + ShotFeatures.METRICS;
    }

    public Optional<ShotFeatures> get(String key) {
        Path file = dir.resolve(key + ".bin");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            int frames = in.readInt();
            float[][] metrics = new float[frames][ShotFeatures.METRICS];
            float[][] thumbnails = new float[frames][ShotFeatures.THUMBNAIL_SIZE];
            for (int t = 0; t < frames; t++) {
                for (int m = 0; m < ShotFeatures.METRICS; m++) {
                    metrics[t][m] = in.readFloat();
                }
                for (int i = 0; i < ShotFeatures.THUMBNAIL_SIZE; i++) {
                    thumbnails[t][i] = in.readUnsignedByte() / 255f;
                }
            }
            return Optional.of(new ShotFeatures(metrics, thumbnails));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores features atomically; a failure to cache is not a failure to train. */
    public void put(String key, ShotFeatures features) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + key, ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(features.length());
                for (int t = 0; t < features.length(); t++) {
                    for (float v : features.metrics()[t]) {
                        out.writeFloat(v);
                    }
                    for (float v : features.frames()[t]) {
                        out.writeByte(Math.round(v * 255f));
                    }
                }
            }
            Files.move(temp, dir.resolve(key + ".bin"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("warning: cannot write the feature cache in " + dir + ": " + e.getMessage());
        }
    }
}
