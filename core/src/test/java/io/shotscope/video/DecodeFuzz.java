package io.shotscope.video;

import io.shotscope.testsupport.HostileInputs;
import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded random-mutation fuzzer over the decode entry point: small valid seeds (MP4, Matroska, ProRes
 * MOV, PNG, JPEG, EXR, DPX, TIFF) are mutated (bit flips, interesting values, cut, duplicated or deleted ranges) and each mutant
 * is opened with {@link PlateSources#open} and a few frames are read. A {@link PlateException} is the
 * expected answer to garbage; any other exception is a finding (saved), a case running longer than the
 * hang limit is saved and ends the run (exit 3), and a JVM abort in native code leaves the case in
 * {@code current.*} for {@code scripts/fuzz} to save. Run on demand: {@code scripts/fuzz [MINUTES]}.
 */
public final class DecodeFuzz {

    static final Duration HANG_LIMIT = Duration.ofSeconds(20);
    static final int FRAMES_READ = 5;

    private final Path work;
    private final Random random;
    private final List<byte[]> seeds = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, Integer> reasons = new TreeMap<>();
    private long cases;
    private long refused;
    private long decoded;
    private long findings;

    DecodeFuzz(Path work, long seed) throws IOException {
        this.work = Files.createDirectories(work);
        Files.createDirectories(work.resolve("findings"));
        this.random = new Random(seed);
        Path seedDir = Files.createDirectories(work.resolve("seeds"));
        addSeed(HostileInputs.validMovie(seedDir.resolve("seed.mp4")), "mp4");
        addSeed(SyntheticPlates.movie(seedDir.resolve("seed.mkv"), MovieFormat.MKV_FFV1, 32, 24, 6), "mkv");
        addSeed(SyntheticPlates.image(seedDir.resolve("seed.png"), ImageFormat.PNG_8, 32, 24, 0), "png");
        addSeed(SyntheticPlates.image(seedDir.resolve("seed.jpg"), ImageFormat.JPEG, 32, 24, 0), "jpg");
        addSeed(SyntheticPlates.image(seedDir.resolve("seed.exr"), ImageFormat.EXR_HALF, 32, 24, 0), "exr");
        addSeed(SyntheticPlates.image(seedDir.resolve("seed.dpx"), ImageFormat.DPX_10, 32, 24, 0), "dpx");
        addSeed(SyntheticPlates.image(seedDir.resolve("seed.tif"), ImageFormat.TIFF, 32, 24, 0), "tif");
        addSeed(SyntheticPlates.movie(seedDir.resolve("seed.mov"), MovieFormat.MOV_PRORES, 32, 24, 4), "mov");
    }

    private void addSeed(Path file, String extension) throws IOException {
        seeds.add(Files.readAllBytes(file));
        extensions.add(extension);
    }

    /** Runs until {@code duration} has passed; returns the number of findings. */
    long run(Duration duration, PrintStream log) throws IOException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong caseStart = new AtomicLong(System.nanoTime());
        Path[] current = new Path[1];
        Thread watchdog = new Thread(() -> watch(caseStart, current, log), "fuzz-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        while (System.nanoTime() < end) {
            int s = random.nextInt(seeds.size());
            byte[] mutant = mutate(seeds.get(s));
            Path file = work.resolve("current." + extensions.get(s));
            Files.write(file, mutant);
            current[0] = file;
            caseStart.set(System.nanoTime());
            runCase(file, log);
            caseStart.set(0);
            cases++;
        }
        log.printf("fuzz: %d cases, %d refused with a PlateException, %d decoded, %d findings%n", cases, refused,
                decoded, findings);
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                .forEach(e -> log.printf("  %6d  %s%n", e.getValue(), e.getKey()));
        return findings;
    }

    private void runCase(Path file, PrintStream log) throws IOException {
        try (PlateSource source = PlateSources.open(file.toString(), DecodeOptions.defaults())) {
            Picture picture = new Picture(32, 24);
            for (int i = 0; i < FRAMES_READ && source.next(picture) != PlateSource.END; i++) {
                // reading is the test
            }
            decoded++;
        } catch (PlateException e) {
            refused++;
            reasons.merge(e.getMessage().replaceAll("\\d+", "N"), 1, Integer::sum);
            if (e.getMessage().contains("\n")) {
                save(file, "multiline-reason", log, e);
            }
        } catch (RuntimeException | Error e) {
            save(file, "exception", log, e);
        }
    }

    private void save(Path file, String kind, PrintStream log, Throwable e) throws IOException {
        findings++;
        Path saved = work.resolve("findings").resolve(kind + "-" + cases + "-" + file.getFileName());
        Files.copy(file, saved, StandardCopyOption.REPLACE_EXISTING);
        log.printf("fuzz: FINDING %s in case %d (%s): %s%n", kind, cases, saved, e);
    }

    private void watch(AtomicLong caseStart, Path[] current, PrintStream log) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long start = caseStart.get();
            if (start != 0 && System.nanoTime() - start > HANG_LIMIT.toNanos()) {
                try {
                    Path saved = work.resolve("findings").resolve("hang-" + cases + "-" + current[0].getFileName());
                    Files.copy(current[0], saved, StandardCopyOption.REPLACE_EXISTING);
                    log.printf("fuzz: FINDING hang over %s in case %d (%s)%n", HANG_LIMIT, cases, saved);
                } catch (IOException e) {
                    log.println("fuzz: hang, and the case could not be saved: " + e);
                }
                Runtime.getRuntime().halt(3);
            }
        }
    }

    private static final int[] INTERESTING = {0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 0x10000};

    byte[] mutate(byte[] seed) {
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(8);
        for (int r = 0; r < rounds && b.length > 8; r++) {
            switch (random.nextInt(6)) {
                case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 2 -> {
                    int at = random.nextInt(b.length - 4);
                    int v = INTERESTING[random.nextInt(INTERESTING.length)];
                    b[at] = (byte) (v >>> 24);
                    b[at + 1] = (byte) (v >>> 16);
                    b[at + 2] = (byte) (v >>> 8);
                    b[at + 3] = (byte) v;
                }
                case 3 -> b = java.util.Arrays.copyOf(b, 8 + random.nextInt(b.length - 8));
                case 4 -> {
                    int from = random.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + random.nextInt(256));
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, from + len);
                    System.arraycopy(b, from, out, from + len, b.length - from);
                    b = out;
                }
                default -> {
                    int from = random.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + random.nextInt(256));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, from + len, out, from, b.length - from - len);
                    b = out;
                }
            }
        }
        return b;
    }

    /** {@code DecodeFuzz [seconds] [work folder] [random seed]}: exit 0 clean, 1 findings, 3 hang. */
    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        Path work = Path.of(args.length > 1 ? args[1] : "target/fuzz");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        System.out.println("fuzz: random seed " + seed + ", " + seconds + " s, work folder " + work);
        long findings = new DecodeFuzz(work, seed).run(Duration.ofSeconds(seconds), System.out);
        System.exit(findings == 0 ? 0 : 1);
    }
}
