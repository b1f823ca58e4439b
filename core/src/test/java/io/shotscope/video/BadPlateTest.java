package io.shotscope.video;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input is refused with a PlateException whose message is one line, names the problem,
 * and holds neither the path nor a stack trace (callers print {@code error: <input>: <reason>}).
 */
class BadPlateTest {

    @TempDir
    Path dir;

    /** Opens and decodes {@code input} to the end, expecting a refusal; returns its message. */
    private String refusal(Path input) {
        return refusal(input.toString());
    }

    private String refusal(String input) {
        PlateException e = assertThrows(PlateException.class, () -> Decoded.all(input),
                "expected " + input + " to be refused");
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertFalse(message.contains(dir.toString()), "no path: " + message);
        assertFalse(message.contains("Exception"), "no exception names: " + message);
        return message.toLowerCase(Locale.ROOT);
    }

    private static void assertMentions(String message, String... words) {
        for (String word : words) {
            assertTrue(message.contains(word), "'" + word + "' not in: " + message);
        }
    }

    @Test
    void missingMovie() {
        assertMentions(refusal(dir.resolve("nope.mov")), "no such file");
    }

    @Test
    void missingSingleFrame() {
        assertMentions(refusal(dir.resolve("nope.1001.exr")), "no such file");
    }

    @Test
    void unreadableFile() throws Exception {
        Path file = SyntheticPlates.randomBytes(dir.resolve("locked.mov"), 1024);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")) || Files.isReadable(file),
                "SKIPPED: running as root, chmod 000 does not stop reading");

        assertMentions(refusal(file), "permission denied");
    }

    @Test
    void emptyFile() throws Exception {
        assertMentions(refusal(Files.createFile(dir.resolve("empty.mov"))), "empty file");
    }

    @Test
    void textFileNamedMov() {
        assertMentions(refusal(SyntheticPlates.textFile(dir.resolve("notes.mov"))), "not a video");
    }

    @Test
    void randomBytesNamedMp4() {
        assertMentions(refusal(SyntheticPlates.randomBytes(dir.resolve("noise.mp4"), 64 * 1024)), "not a video");
    }

    /** The index (moov) is written last: half the file has no index at all. */
    @Test
    void mp4TruncatedAtHalf() {
        Path file = SyntheticPlates.movie(dir.resolve("cut.mp4"), MovieFormat.MP4_MPEG4, 160, 90, 24);
        SyntheticPlates.truncate(file, 0.5);

        assertMentions(refusal(file), "truncated");
    }

    /** The index comes first and promises every frame, but the data for the later ones is gone. */
    @Test
    void faststartMp4TruncatedLosesFrames() {
        Path file = SyntheticPlates.movie(dir.resolve("cut_fast.mp4"), MovieFormat.MP4_MPEG4, 160, 90, 24, 24,
                Map.of("movflags", "+faststart"));
        SyntheticPlates.truncate(file, 0.6);

        assertMentions(refusal(file), "truncated");
    }

    /** Only the last frame is cut off: within the frame-count margin, so the index must catch it. */
    @Test
    void faststartMp4MissingOnlyItsLastFrame() throws Exception {
        Path file = SyntheticPlates.movie(dir.resolve("cut_end.mp4"), MovieFormat.MP4_MPEG4, 160, 90, 24, 24,
                Map.of("movflags", "+faststart"));
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) - 10));

        assertMentions(refusal(file), "truncated");
    }

    static java.util.stream.Stream<MovieFormat> movieFormats() {
        return PlateDecodingTest.movieFormats();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("movieFormats")
    void everyMovieFormatTruncatedIsRefused(MovieFormat format) {
        String ext = format.container().equals("matroska") ? "mkv" : format.container();
        Path file = SyntheticPlates.movie(dir.resolve("cut." + ext), format,
                MovieFormat.DNXHR_WIDTH, MovieFormat.DNXHR_HEIGHT, 24);
        SyntheticPlates.truncate(file, 0.6);

        assertMentions(refusal(file), "truncated");
    }

    @Test
    void movieWithoutFrames() {
        Path file = SyntheticPlates.movie(dir.resolve("blank.mov"), MovieFormat.MOV_PRORES, 64, 48, 0);

        String message = refusal(file);
        assertTrue(message.contains("no frames") || message.contains("no video"), message);
    }

    @Test
    void audioOnlyFile() {
        assertMentions(refusal(SyntheticPlates.audioOnly(dir.resolve("sound.mp4"))), "no video stream");
    }

    @Test
    void unsupportedCodec() {
        assertMentions(refusal(SyntheticPlates.unknownCodec(dir.resolve("odd.mkv"), 64, 48, 3)), "unsupported codec");
    }

    @Test
    void emptyFolder() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "no frames here");

        assertMentions(refusal(dir), "empty folder");
    }

    @Test
    void folderOfMoviesSaysHowToNameThem() throws Exception {
        for (String name : new String[] {"A001.mov", "A002.mov", "A003.mov", "B001.mp4"}) {
            Files.writeString(dir.resolve(name), "a movie");
        }

        assertMentions(refusal(dir), "a folder of 4 movies (a001.mov, a002.mov, a003.mov, ...), not an image sequence",
                "name each movie instead, e.g. with a *.mov wildcard");
    }

    @Test
    void folderWithSeveralSequences() {
        SyntheticPlates.sequence(dir, "bg.%04d.png", ImageFormat.PNG_8, 64, 48, 1001, 2, Set.of());
        SyntheticPlates.sequence(dir, "fg.%04d.png", ImageFormat.PNG_8, 64, 48, 1001, 2, Set.of());

        assertMentions(refusal(dir), "several sequences", "bg.####.png", "fg.####.png");
    }

    @Test
    void patternMatchingNothing() {
        SyntheticPlates.sequence(dir, "bg.%04d.png", ImageFormat.PNG_8, 64, 48, 1001, 2, Set.of());

        assertMentions(refusal(dir.resolve("fg.####.png")), "no frames match", "fg.####.png");
    }

    @Test
    void rangeOutsideTheFrames() {
        SyntheticPlates.sequence(dir, "bg.%04d.png", ImageFormat.PNG_8, 64, 48, 1001, 2, Set.of());

        assertMentions(refusal(dir.resolve("bg.[2001-2010].png")), "no frames match");
    }

    @Test
    void patternInMissingFolder() {
        assertMentions(refusal(dir.resolve("nowhere").resolve("bg.####.exr")), "no such folder");
    }

    @Test
    void corruptFrameInASequenceIsNamed() {
        SyntheticPlates.sequence(dir, "bg.%04d.exr", ImageFormat.EXR_HALF, 64, 48, 1001, 4, Set.of());
        SyntheticPlates.textFile(dir.resolve("bg.1003.exr"));

        assertMentions(refusal(dir.resolve("bg.####.exr")), "frame 1003", "bg.1003.exr", "corrupt");
    }

    @Test
    void truncatedFrameInASequenceIsNamed() {
        SyntheticPlates.sequence(dir, "bg.%04d.dpx", ImageFormat.DPX_10, 64, 48, 1001, 4, Set.of());
        SyntheticPlates.truncate(dir.resolve("bg.1002.dpx"), 0.5);

        assertMentions(refusal(dir.resolve("bg.####.dpx")), "frame 1002", "truncated");
    }

    @Test
    void frameOfAnotherSizeIsNamed() {
        SyntheticPlates.sequence(dir, "bg.%04d.png", ImageFormat.PNG_8, 64, 48, 1001, 3, Set.of());
        SyntheticPlates.image(dir.resolve("bg.1002.png"), ImageFormat.PNG_8, 80, 48, 1);

        assertMentions(refusal(dir.resolve("bg.####.png")), "frame 1002", "80x48", "64x48");
    }
}
