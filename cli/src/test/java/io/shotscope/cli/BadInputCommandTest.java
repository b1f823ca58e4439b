package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad plate, through the command line: one error line naming it, exit 1, no report. */
class BadInputCommandTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badPlates() {
        return Stream.of(
                bad("missing file", "no such file", d -> d.resolve("absent.mov")),
                bad("empty file", "empty file", d -> write(d.resolve("empty.mp4"), new byte[0])),
                bad("text renamed .mov", "not a video", d -> SyntheticPlates.textFile(d.resolve("notes.mov"))),
                bad("random bytes .mp4", "", d -> SyntheticPlates.randomBytes(d.resolve("noise.mp4"), 50_000)),
                bad("truncated mp4", "truncated", d -> SyntheticPlates.truncate(
                        SyntheticPlates.movie(d.resolve("cut.mp4"), MovieFormat.MP4_MPEG4, 128, 72, 24), 0.6)),
                bad("truncated mkv", "truncated", d -> SyntheticPlates.truncate(
                        SyntheticPlates.movie(d.resolve("cut.mkv"), MovieFormat.MKV_FFV1, 128, 72, 24), 0.6)),
                bad("audio only", "no video stream", d -> SyntheticPlates.audioOnly(d.resolve("sound.mp4"))),
                bad("unsupported codec", "unsupported codec",
                        d -> SyntheticPlates.unknownCodec(d.resolve("alien.mkv"), 128, 72, 6)),
                bad("empty folder", "empty folder", d -> mkdir(d.resolve("plates"))),
                bad("pattern matching nothing", "no frames match", d -> d.resolve("shot.####.exr")));
    }

    private static Arguments bad(String name, String reason, Function<Path, Path> make) {
        return Arguments.of(name, reason, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlates")
    void badPlateGetsOneErrorLineAndNoReport(String name, String reason, Function<Path, Path> make) throws Exception {
        Path plate = make.apply(dir);
        Path out = dir.resolve("reports");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--no-model", "--out", out.toString(),
                plate.toString());

        assertEquals(1, run.exitCode(), name);
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: " + plate + ": " ), err);
        assertTrue(err.contains(reason), "expected '" + reason + "' in: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "no report may be written");
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path mkdir(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
