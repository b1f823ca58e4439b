package io.shotscope.testsupport;

import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The hostile-input corpus: malformed, malicious and borderline plates written at test time into a
 * folder, each with what the analyser must make of it. The same corpus goes through the command
 * line, the upload endpoint, analyze-path and the drop folder.
 */
public final class HostileInputs {

    /** What a hostile input may end as. */
    public enum Outcome {
        /** Refused with a one-line reason. */
        REFUSED,
        /** Borderline but legal (1x1, one frame, damaged but decodable): analysed, or refused clearly. */
        ANALYSED_OR_REFUSED
    }

    /**
     * One input.
     *
     * @param name    short label for test names and the docs table
     * @param input   what is handed to the analyser: a file, a folder or a sequence pattern
     * @param file    the file to upload, or null when the input is not one regular file
     * @param outcome what it may end as
     */
    public record Hostile(String name, String input, Path file, Outcome outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Frame size a crafted header declares; far beyond any limit, 10^10 pixels. */
    public static final int ENORMOUS_SIDE = 100_000;

    private static final int SMALL_WIDTH = 64;
    private static final int SMALL_HEIGHT = 48;
    private static final int SMALL_FRAMES = 24;
    private static final double[] TRUNCATIONS = {0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99};

    private HostileInputs() {
    }

    /** A short valid MP4 (MPEG-4 Part 2, 64x48, 24 frames): the seed of most damaged inputs. */
    public static Path validMovie(Path file) {
        return SyntheticPlates.movie(file, MovieFormat.MP4_MPEG4, SMALL_WIDTH, SMALL_HEIGHT, SMALL_FRAMES);
    }

    /** Writes the whole corpus into {@code dir} (which must exist and be empty). */
    public static List<Hostile> write(Path dir) {
        List<Hostile> all = new ArrayList<>();
        Path seed = validMovie(dir.resolve(".seed.mp4"));
        byte[] valid = read(seed);

        all.add(file(dir, "empty.mp4", new byte[0], Outcome.REFUSED));
        all.add(refused(SyntheticPlates.randomBytes(dir.resolve("random-bytes.mp4"), 4096), "random bytes .mp4"));
        all.add(refused(SyntheticPlates.randomBytes(dir.resolve("random-bytes-1mb.mov"), 1 << 20),
                "1 MB of random bytes .mov"));
        for (double fraction : TRUNCATIONS) {
            String name = "truncated-" + Math.round(fraction * 100) + "pct.mp4";
            // the last 1% of this file is metadata after the sample index: every frame is still there
            Outcome outcome = fraction > 0.95 ? Outcome.ANALYSED_OR_REFUSED : Outcome.REFUSED;
            all.add(file(dir, name, Arrays.copyOf(valid, (int) (valid.length * fraction)), outcome));
        }
        all.add(file(dir, "truncated-8-bytes.mp4", Arrays.copyOf(valid, 8), Outcome.REFUSED));
        // FFmpeg ignores the sample entry's size for MPEG-4 Part 2 (the decoder reads it from the
        // bitstream); for ProRes the container's size is what the header check sees
        all.add(file(dir, "huge-dimensions.mp4", hugeSampleEntry(valid), Outcome.ANALYSED_OR_REFUSED));
        Path prores = SyntheticPlates.movie(dir.resolve(".seed.mov"), MovieFormat.MOV_PRORES, SMALL_WIDTH,
                SMALL_HEIGHT, 4);
        all.add(file(dir, "huge-dimensions.mov", hugeSampleEntry(read(prores)), Outcome.REFUSED));
        all.add(file(dir, "mdat-claims-4gb.mp4", patchBoxSize(valid, "mdat", 0xFFFF_FFF0L), Outcome.REFUSED));
        // without its index FFmpeg may still find the MPEG-4 elementary stream in the media data
        all.add(file(dir, "no-moov.mp4", replace(valid, "moov", "free"), Outcome.ANALYSED_OR_REFUSED));
        all.add(file(dir, "corrupt-mdat.mp4", damageMdat(valid, false), Outcome.ANALYSED_OR_REFUSED));
        all.add(file(dir, "zeroed-mdat.mp4", damageMdat(valid, true), Outcome.ANALYSED_OR_REFUSED));
        all.add(refused(SyntheticPlates.audioOnly(dir.resolve("audio-only.mp4")), "audio-only .mp4"));
        all.add(new Hostile("1x1 video", onePixelMovie(dir.resolve("one-pixel.mkv")).toString(),
                dir.resolve("one-pixel.mkv"), Outcome.ANALYSED_OR_REFUSED));
        Path single = SyntheticPlates.movie(dir.resolve("single-frame.mp4"), MovieFormat.MP4_MPEG4,
                SMALL_WIDTH, SMALL_HEIGHT, 1);
        all.add(new Hostile("single-frame video", single.toString(), single, Outcome.ANALYSED_OR_REFUSED));
        all.add(refused(SyntheticPlates.textFile(dir.resolve("notes.mov")), "text renamed .mov"));
        // scripts that name another file: without the demuxer whitelist FFmpeg decodes the file they name
        writeBytes(dir.resolve("secretplate.bin"), read(seed));
        all.add(file(dir, "playlist.mp4", playlist("secretplate.bin"), Outcome.REFUSED));
        all.add(file(dir, "playlist.m3u8", playlist("secretplate.bin"), Outcome.REFUSED));
        all.add(file(dir, "concat-script.mov", "ffconcat version 1.0\nfile 'secretplate.bin'\n"
                .getBytes(StandardCharsets.UTF_8), Outcome.REFUSED));
        all.add(file(dir, "enormous.png", pngHeader(ENORMOUS_SIDE, ENORMOUS_SIDE), Outcome.REFUSED));
        all.add(file(dir, "enormous.jpg", jpegHeader(65_535, 65_535), Outcome.REFUSED));
        Path png = SyntheticPlates.image(dir.resolve(".seed.png"), ImageFormat.PNG_8, SMALL_WIDTH, SMALL_HEIGHT, 0);
        all.add(file(dir, "truncated.png", Arrays.copyOf(read(png), read(png).length / 2), Outcome.REFUSED));
        all.add(file(dir, "garbage-after-signature.png", garbageAfterPngSignature(), Outcome.REFUSED));
        all.add(sequenceWithMixedSizes(dir.resolve("mixed-sizes")));
        all.add(sequenceWithGaps(dir.resolve("gaps")));
        all.add(sequenceWithOutsideLink(dir.resolve("outside-link"), png));
        all.add(sequenceWithTextFrame(dir.resolve("text-frame")));
        all.add(sequenceWithEnormousFrame(dir.resolve("enormous-frame")));
        all.add(file(dir, "dots..in..name.mp4", randomBytes(2048, 1), Outcome.REFUSED));
        all.add(file(dir, "new\nline.mp4", randomBytes(2048, 2), Outcome.REFUSED));
        all.add(file(dir, "x".repeat(240) + ".mp4", randomBytes(2048, 3), Outcome.REFUSED));
        all.add(file(dir, "plate-\u00e9t\u00e9-\u65e5\u672c.mov", randomBytes(2048, 4), Outcome.REFUSED));
        all.add(special(dir, "folder-named.mp4", HostileInputs::mkdir));
        all.add(special(dir, "fifo.mp4", HostileInputs::fifo));
        all.add(special(dir, "loop.mp4", p -> Files.createSymbolicLink(p, p.getFileName())));
        all.add(special(dir, "device-link.mp4", p -> Files.createSymbolicLink(p, Path.of("/dev/zero"))));
        return all;
    }

    /** Upload file names that must be refused or made safe (NUL only reaches us through names). */
    public static List<String> hostileUploadNames() {
        return List.of("../../etc/passwd", "..\\..\\boot.ini", "dir/evil.mp4", "nul\u0000byte.mp4",
                "new\nline.mp4", "carriage\rreturn.mp4", "..", ".", "", "x".repeat(400) + ".mp4",
                "\u65e5\u672c".repeat(100) + ".mp4", "bell\u0007.mp4", "/absolute.mp4");
    }

    // ---------------------------------------------------------------- crafted files

    /**
     * A PNG signature and an IHDR chunk (with a valid CRC) declaring {@code width x height}, RGB,
     * followed by an empty IDAT and IEND: a decoder that trusts the header allocates 30 GB.
     */
    public static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A baseline JPEG start: SOI and an SOF0 segment declaring {@code width x height}, then EOI. */
    public static byte[] jpegHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(2 + 2 + 17 + 2);
        b.putShort((short) 0xFFD8);
        b.putShort((short) 0xFFC0).putShort((short) 17).put((byte) 8).putShort((short) height).putShort((short) width)
                .put((byte) 3);
        for (int c = 1; c <= 3; c++) {
            b.put((byte) c).put((byte) 0x11).put((byte) 0);
        }
        b.putShort((short) 0xFFD9);
        return b.array();
    }

    /** The movie with its first visual sample entry (in {@code stsd}) declaring 65535x65535. */
    private static byte[] hugeSampleEntry(byte[] movie) {
        byte[] bytes = movie.clone();
        // stsd: size, type, version and flags, entry count; then the first entry
        int entry = indexOf(bytes, "stsd", 0) - 4 + 16;
        // size, type, 6 reserved, data reference index, 16 bytes pre-defined/reserved, then width, height
        int width = entry + 8 + 6 + 2 + 16;
        bytes[width] = (byte) 0xFF;
        bytes[width + 1] = (byte) 0xFF;
        bytes[width + 2] = (byte) 0xFF;
        bytes[width + 3] = (byte) 0xFF;
        return bytes;
    }

    private static byte[] patchBoxSize(byte[] mp4, String box, long size) {
        byte[] bytes = mp4.clone();
        int at = indexOf(bytes, box, 0) - 4;
        ByteBuffer.wrap(bytes, at, 4).putInt((int) size);
        return bytes;
    }

    /** Flips (or zeroes) every 37th byte of the media data, keeping the boxes intact. */
    private static byte[] damageMdat(byte[] mp4, boolean zero) {
        byte[] bytes = mp4.clone();
        int at = indexOf(bytes, "mdat", 0) - 4;
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, at, 4).getInt());
        int end = (int) Math.min(bytes.length, at + size);
        for (int i = at + 8 + 16; i < end; i += 37) {
            bytes[i] = zero ? 0 : (byte) ~bytes[i];
        }
        return bytes;
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] copy = bytes.clone();
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(copy, from, 0);
        System.arraycopy(b, 0, copy, at, b.length);
        return copy;
    }

    private static byte[] playlist(String segment) {
        return ("#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n" + segment + "\n#EXT-X-ENDLIST\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] garbageAfterPngSignature() {
        byte[] bytes = randomBytes(1024, 5);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, bytes, 0, 8);
        return bytes;
    }

    private static Path onePixelMovie(Path file) {
        return SyntheticPlates.movie(file, MovieFormat.MKV_FFV1, 1, 1, 4);
    }

    private static Hostile sequenceWithMixedSizes(Path dir) {
        mkdirs(dir);
        SyntheticPlates.image(dir.resolve("shot.1001.png"), ImageFormat.PNG_8, SMALL_WIDTH, SMALL_HEIGHT, 0);
        SyntheticPlates.image(dir.resolve("shot.1002.png"), ImageFormat.PNG_8, SMALL_WIDTH / 2, SMALL_HEIGHT / 2, 1);
        return new Hostile("sequence with mixed frame sizes", dir.toString(), null, Outcome.REFUSED);
    }

    private static Hostile sequenceWithGaps(Path dir) {
        mkdirs(dir);
        SyntheticPlates.sequence(dir, "shot.%04d.png", ImageFormat.PNG_8, SMALL_WIDTH, SMALL_HEIGHT, 1001, 6,
                Set.of(1003, 1004));
        return new Hostile("sequence with gaps", dir.resolve("shot.####.png").toString(), null, Outcome.REFUSED);
    }

    private static Hostile sequenceWithOutsideLink(Path dir, Path outside) {
        mkdirs(dir);
        SyntheticPlates.image(dir.resolve("shot.1001.png"), ImageFormat.PNG_8, SMALL_WIDTH, SMALL_HEIGHT, 0);
        try {
            Files.createSymbolicLink(dir.resolve("shot.1002.png"), outside.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Hostile("sequence frame linking outside its folder", dir.toString(), null, Outcome.REFUSED);
    }

    private static Hostile sequenceWithTextFrame(Path dir) {
        mkdirs(dir);
        SyntheticPlates.image(dir.resolve("shot.1001.png"), ImageFormat.PNG_8, SMALL_WIDTH, SMALL_HEIGHT, 0);
        SyntheticPlates.textFile(dir.resolve("shot.1002.png"));
        return new Hostile("sequence with a text frame", dir.toString(), null, Outcome.REFUSED);
    }

    private static Hostile sequenceWithEnormousFrame(Path dir) {
        mkdirs(dir);
        SyntheticPlates.image(dir.resolve("shot.1001.png"), ImageFormat.PNG_8, SMALL_WIDTH, SMALL_HEIGHT, 0);
        writeBytes(dir.resolve("shot.1002.png"), pngHeader(ENORMOUS_SIDE, ENORMOUS_SIDE));
        return new Hostile("sequence with an enormous frame", dir.toString(), null, Outcome.REFUSED);
    }

    // ---------------------------------------------------------------- helpers

    private interface Maker {
        void make(Path path) throws IOException, InterruptedException;
    }

    private static Hostile special(Path dir, String name, Maker maker) {
        Path path = dir.resolve(name);
        try {
            maker.make(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Hostile(name, path.toString(), null, Outcome.REFUSED);
    }

    private static void mkdir(Path path) throws IOException {
        Files.createDirectory(path);
    }

    private static void fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new IOException("mkfifo failed for " + path);
        }
    }

    private static Hostile file(Path dir, String name, byte[] bytes, Outcome outcome) {
        Path path = writeBytes(dir.resolve(name), bytes);
        return new Hostile(name.replace("\n", "\\n"), path.toString(), path, outcome);
    }

    private static Hostile refused(Path path, String name) {
        return new Hostile(name, path.toString(), path, Outcome.REFUSED);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] bytes, String ascii, int from) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException(ascii + " not found");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeBytes(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
