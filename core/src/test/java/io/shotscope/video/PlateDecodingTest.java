package io.shotscope.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.analysis.ShotReport;
import io.shotscope.testsupport.SharedClips;
import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of plate is read with the right frame count, first frame number and size. */
class PlateDecodingTest {

    private static final int W = 160;
    private static final int H = 90;

    @TempDir
    Path dir;

    static Stream<MovieFormat> movieFormats() {
        return Stream.of(MovieFormat.MOV_PRORES, MovieFormat.MP4_MPEG4, MovieFormat.MKV_FFV1,
                MovieFormat.AVI_MJPEG, MovieFormat.MXF_DNXHR, MovieFormat.MP4_H264);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("movieFormats")
    void everyMovieCodecDecodesEveryFrame(MovieFormat format) throws Exception {
        String ext = format.container().equals("matroska") ? "mkv" : format.container();
        Path file = SyntheticPlates.movie(dir.resolve("plate_v002." + ext), format,
                MovieFormat.DNXHR_WIDTH, MovieFormat.DNXHR_HEIGHT, 12);

        Decoded plate = Decoded.all(file.toString());

        assertEquals(PlateKind.MOVIE, plate.info().kind());
        assertEquals("plate_v002", plate.info().stem());
        assertEquals(MovieFormat.DNXHR_WIDTH, plate.info().width());
        assertEquals(MovieFormat.DNXHR_HEIGHT, plate.info().height());
        assertEquals(24.0, plate.info().fps(), 0.01);
        assertEquals(0, plate.info().firstFrame());
        assertEquals(IntStream.range(0, 12).boxed().toList(), plate.numbers());
        assertTrue(Decoded.meanAbsDiff(plate.firstPlane(), plate.lastPlane()) > 2, "frames should differ");
    }

    @Test
    void sharedH264Mp4DecodesAllFramesAtItsSize() throws Exception {
        Path clip = SharedClips.clip("bottle-detection.mp4");
        try (PlateSource source = PlateSources.open(clip.toString(), DecodeOptions.defaults())) {
            assertEquals(640, source.info().width());
            assertEquals(360, source.info().height());
            assertEquals("h264", source.info().codec());
            assertEquals(29.83, source.info().fps(), 0.05);
            Picture small = new Picture(64, 36);
            int frames = 0;
            int n;
            while ((n = source.next(frames % 10 == 0 ? small : null)) != PlateSource.END) {
                assertEquals(frames++, n);
            }
            assertTrue(frames > 1000, "decoded " + frames);
            assertEquals(source.info().declaredFrames(), frames);
        }
    }

    @Test
    void sharedH264MatroskaDecodesAllFrames() throws Exception {
        Decoded plate = Decoded.all(SharedClips.clip("asl-again.mkv").toString());

        assertEquals(640, plate.info().width());
        assertEquals(480, plate.info().height());
        assertEquals(77, plate.frames());
        assertEquals("asl-again", plate.info().stem());
    }

    /** The truncation checks (frame count, duration, index) must not refuse intact real footage. */
    @ParameterizedTest
    @CsvSource({"asl-again.mkv, 77", "asl-school.mkv, 72", "asl-thanks.mkv, 51", "asl-walk.mkv, 89"})
    void sharedMatroskaClipsAreNotMistakenForTruncated(String clip, int frames) throws Exception {
        try (PlateSource source = PlateSources.open(SharedClips.clip(clip).toString(), DecodeOptions.defaults())) {
            int count = 0;
            while (source.next(null) != PlateSource.END) {
                count++;
            }
            assertEquals(frames, count);
        }
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void everyImageFormatDecodesAsASequenceFrom1001(ImageFormat format) throws Exception {
        SyntheticPlates.sequence(dir, "shot_v001.%04d." + format.extension, format, W, H, 1001, 4, Set.of());

        Decoded plate = Decoded.all(dir.resolve("shot_v001.####." + format.extension).toString());

        assertEquals(PlateKind.SEQUENCE, plate.info().kind());
        assertEquals("shot_v001", plate.info().stem());
        assertEquals(W, plate.info().width());
        assertEquals(H, plate.info().height());
        assertEquals(1001, plate.info().firstFrame());
        assertEquals(4, plate.info().declaredFrames());
        assertEquals(List.of(1001, 1002, 1003, 1004), plate.numbers());
        assertEquals(DecodeOptions.DEFAULT_SEQUENCE_FPS, plate.info().fps());
        assertTrue(Decoded.meanAbsDiff(plate.firstPlane(), plate.lastPlane()) > 2, "frames should differ");
    }

    /** Display-referred formats hold the same picture: their luma matches the 8-bit PNG's. */
    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"DPX_10", "TIFF", "PNG_16", "JPEG"})
    void integerFormatsDecodeToTheSameLumaAsAn8BitPng(ImageFormat format) throws Exception {
        Path reference = SyntheticPlates.image(dir.resolve("ref.0001.png"), ImageFormat.PNG_8, W, H, 3);
        Path other = SyntheticPlates.image(dir.resolve("other.0001." + format.extension), format, W, H, 3);

        LumaPlane expected = Decoded.all(reference.toString()).firstPlane();
        LumaPlane actual = Decoded.all(other.toString()).firstPlane();

        assertTrue(Decoded.meanAbsDiff(expected, actual) < 2.5,
                format + " differs from PNG by " + Decoded.meanAbsDiff(expected, actual));
    }

    /** Linear 18% grey is mid-grey on screen: about 118/255 after the sRGB transfer, not 46. */
    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"EXR_HALF", "EXR_FLOAT"})
    void exrLinearMidGreyDecodesThroughTheSrgbTransfer(ImageFormat format) throws Exception {
        SyntheticPlates.linearGrey(dir.resolve("grey.1001.exr"), format, 64, 48, 0.18f);

        Decoded plate = Decoded.all(dir.resolve("grey.1001.exr").toString());

        assertEquals(1001, plate.info().firstFrame());
        assertEquals(117.7, Decoded.mean(plate.firstPlane()), 2.0);
        assertEquals(plate.firstPlane().at(0, 0), plate.firstPlane().at(63, 47), "flat grey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shot.####.png", "shot.%04d.png", "shot.@@@@.png", "shot.1003.png", "."})
    void everyWayOfNamingASequenceFindsTheSameFrames(String name) throws Exception {
        SyntheticPlates.sequence(dir, "shot.%04d.png", ImageFormat.PNG_8, 64, 48, 1001, 5, Set.of());
        String input = name.equals(".") ? dir.toString() : dir.resolve(name).toString();

        Decoded plate = Decoded.all(input);

        assertEquals("shot", plate.info().stem());
        assertEquals(List.of(1001, 1002, 1003, 1004, 1005), plate.numbers());
        assertEquals(64, plate.info().width());
    }

    @Test
    void rangePatternIgnoresFramesOutsideTheRange() throws Exception {
        SyntheticPlates.sequence(dir, "bg.%04d.png", ImageFormat.PNG_8, 64, 48, 999, 62, Set.of()); // 999..1060

        Decoded plate = Decoded.all(dir.resolve("bg.[1001-1058].png").toString());

        assertEquals(1001, plate.info().firstFrame());
        assertEquals(58, plate.frames());
        assertEquals(1058, plate.numbers().get(57));
        assertEquals(List.of(), plate.info().missingFrames());
    }

    @Test
    void folderOfUnprefixedFramesIsNamedAfterTheFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("fg_plate"));
        SyntheticPlates.sequence(folder, "%04d.jpg", ImageFormat.JPEG, 64, 48, 1, 3, Set.of());

        Decoded plate = Decoded.all(folder.toString());

        assertEquals("fg_plate", plate.info().stem());
        assertEquals(List.of(1, 2, 3), plate.numbers());
    }

    @Test
    void unpaddedFrameNumbersAcrossAPowerOfTenAreOneSequence() throws Exception {
        SyntheticPlates.sequence(dir, "shot.%d.png", ImageFormat.PNG_8, 64, 48, 998, 5, Set.of());

        Decoded plate = Decoded.all(dir.resolve("shot.####.png").toString());

        assertEquals(998, plate.info().firstFrame());
        assertEquals(List.of(998, 999, 1000, 1001, 1002), plate.numbers());
    }

    @Test
    void sequenceWithGapsIsRefusedNamingTheMissingFrames() {
        SyntheticPlates.sequence(dir, "shot.%04d.png", ImageFormat.PNG_8, 64, 48, 1001, 8, Set.of(1003, 1005, 1006));

        PlateException e = assertThrows(PlateException.class,
                () -> Decoded.all(dir.resolve("shot.####.png").toString()));

        assertTrue(e.getMessage().contains("missing frames 1003, 1005-1006"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-gaps"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void sequenceWithGapsIsReadWhenGapsAreAllowed() throws Exception {
        SyntheticPlates.sequence(dir, "shot.%04d.exr", ImageFormat.EXR_HALF, 64, 48, 1001, 8, Set.of(1003, 1005, 1006));
        String input = dir.resolve("shot.####.exr").toString();
        DecodeOptions allowGaps = new DecodeOptions(25.0, true);

        Decoded plate = Decoded.all(input, allowGaps);

        assertEquals(List.of(1001, 1002, 1004, 1007, 1008), plate.numbers());
        assertEquals(List.of(1003, 1005, 1006), plate.info().missingFrames());
        assertEquals(25.0, plate.info().fps());

        try (ShotAnalyzer analyzer = new ShotAnalyzer(AnalysisOptions.defaults().withDecode(allowGaps))) {
            ShotReport report = analyzer.analyze(input);
            assertEquals(5, report.frames());
            assertEquals(1001, report.firstFrame());
            assertEquals(List.of(1003, 1005, 1006), report.missingFrames());
            assertEquals(64, report.sha256().length());
        }
    }
}
