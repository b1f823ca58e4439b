package io.shotscope.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Renders labelled synthetic shots: {@code shot_00001.mkv ...} and {@code manifest.csv}
 * ({@code path,label,days,} then every latent factor; {@code days} is the rubric's effort in points,
 * which are artist-days) in an output folder.
 *
 * <p>Deterministic: shot {@code i} is drawn and rendered from {@link #shotSeed(long, int)} only, so
 * the same seed gives the same manifest and the same frames whatever the thread count.
 */
public final class SyntheticShots {

    public static final String MANIFEST = "manifest.csv";
    /** Longest wait for shots already being rendered when a run stops; one shot takes well under a second. */
    private static final Duration WRITERS_GRACE = Duration.ofSeconds(30);

    private SyntheticShots() {
    }

    /** {@link #render(Path, int, long, Path, SynthListener, SynthConfig)} with {@link SynthConfig#DEFAULT}. */
    public static List<SynthShot> render(Path outDir, int count, long seed, Path backgroundsDir, SynthListener progress) {
        return render(outDir, count, seed, backgroundsDir, progress, SynthConfig.DEFAULT);
    }

    /**
     * Renders {@code count} shots in parallel ({@code config.threads()} at once).
     *
     * @param backgroundsDir folder of footage clips to take backgrounds from, or null for procedural ones
     * @param progress       told about each finished shot (may be null)
     * @return the shots in index order
     */
    public static List<SynthShot> render(Path outDir, int count, long seed, Path backgroundsDir,
            SynthListener progress, SynthConfig config) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        SynthListener listener = progress == null ? SynthListener.NONE : progress;
        Backgrounds backgrounds = new Backgrounds(backgroundsDir);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "synth");
            t.setDaemon(true);
            return t;
        });
        int[] done = {0};
        try {
            List<Future<SynthShot>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    LatentFactors f = factors(seed, index, config, backgrounds.clips());
                    Path file = outDir.resolve(fileName(index));
                    renderShot(file, f, config, backgrounds);
                    SynthShot shot = new SynthShot(file, EffortRubric.label(f), f);
                    synchronized (done) {
                        listener.shotRendered(shot, ++done[0], count);
                    }
                    return shot;
                }));
            }
            List<SynthShot> shots = new ArrayList<>();
            for (Future<SynthShot> future : futures) {
                shots.add(future.get());
            }
            writeManifest(outDir.resolve(MANIFEST), shots);
            return shots;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException badInput) {
                throw badInput; // an unreadable background clip: the caller reports it as bad input
            }
            throw new IllegalStateException("cannot render: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
            awaitWriters(pool);
        }
    }

    /**
     * After a failure, shots already being rendered finish writing before render returns, so no
     * file appears in the output folder once the caller has been told the run is over.
     */
    private static void awaitWriters(ExecutorService pool) {
        try {
            pool.awaitTermination(WRITERS_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The factors of shot {@code index} (0-based) of a run, without rendering it. */
    public static LatentFactors factors(long seed, int index, SynthConfig config, List<String> backgroundClips) {
        return LatentFactors.sample(new SplittableRandom(shotSeed(seed, index)), config, backgroundClips);
    }

    /** The seed of shot {@code index}: the run seed and the index mixed (SplitMix64 finaliser). */
    public static long shotSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code shot_00001.mkv} for index 0. */
    public static String fileName(int index) {
        return String.format("shot_%05d.mkv", index + 1);
    }

    /** Renders one shot from its factors (e.g. a manifest row) to {@code file}. */
    public static void renderShot(Path file, LatentFactors factors, SynthConfig config, Path backgroundsDir) {
        renderShot(file, factors, config, new Backgrounds(backgroundsDir));
    }

    private static void renderShot(Path file, LatentFactors factors, SynthConfig config, Backgrounds backgrounds) {
        try (MovieWriter writer = new MovieWriter(file, config)) {
            new ShotRenderer(config, factors, backgrounds).render(writer::write);
        } catch (IllegalArgumentException badInput) {
            throw badInput;
        } catch (Exception e) {
            throw new IllegalStateException("cannot render " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes the manifest atomically: paths relative to its folder, one row per shot in order. */
    static void writeManifest(Path manifest, List<SynthShot> shots) {
        StringBuilder csv = new StringBuilder("path,label,days," + String.join(",", LatentFactors.COLUMNS) + "\n");
        for (SynthShot shot : shots) {
            String days = String.format(Locale.ROOT, "%.4f", EffortRubric.score(shot.factors()).total());
            csv.append(shot.path().getFileName()).append(',').append(shot.label()).append(',').append(days).append(',')
                    .append(String.join(",", shot.factors().csvValues())).append('\n');
        }
        try {
            Path tmp = manifest.resolveSibling(MANIFEST + ".tmp");
            Files.writeString(tmp, csv, StandardCharsets.UTF_8);
            Files.move(tmp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + manifest, e);
        }
    }
}
