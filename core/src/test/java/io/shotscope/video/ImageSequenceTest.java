package io.shotscope.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listing and naming of sequences: only file names are looked at (the files here are empty). */
class ImageSequenceTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.createFile(dir.resolve(name));
        }
    }

    private ImageSequence resolve(String name) throws PlateException {
        return ImageSequence.resolve(dir.resolve(name).toString());
    }

    private static List<Integer> numbers(ImageSequence sequence) {
        return sequence.frames().stream().map(ImageSequence.Frame::number).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "shot_v001.1001.exr, shot_v001.####.exr, shot_v001",
        "shot_v001.1001.exr, shot_v001.%04d.exr, shot_v001",
        "shot_v001.1001.exr, shot_v001.@@@@.exr, shot_v001",
        "shot_v001.1001.exr, shot_v001.1001.exr, shot_v001",
        "shot_v001.1001.exr, shot_v001.[1001-1001].exr, shot_v001",
        "plate-A_1001.dpx, plate-A_####.dpx, plate-A",
        "bg plate 1001.png, bg plate ####.png, bg plate",
        "010_0040_comp_v12.1001.tif, 010_0040_comp_v12.%d.tif, 010_0040_comp_v12",
    })
    void stemIsTheNameWithoutFramePatternOrSeparator(String file, String input, String stem) throws Exception {
        touch(file);

        ImageSequence sequence = resolve(input);

        assertEquals(stem, sequence.stem());
        assertEquals(List.of(1001), numbers(sequence));
    }

    @Test
    void folderStemComesFromTheFrames() throws Exception {
        touch("shot_v003.1001.exr", "shot_v003.1002.exr", "notes.txt", ".shot_v003.1003.exr");

        ImageSequence sequence = ImageSequence.resolve(dir.toString());

        assertEquals("shot_v003", sequence.stem());
        assertEquals(List.of(1001, 1002), numbers(sequence));
    }

    @Test
    void framesAreOrderedByNumberNotByName() throws Exception {
        touch("a.998.png", "a.999.png", "a.1000.png", "a.1001.png");

        assertEquals(List.of(998, 999, 1000, 1001), numbers(resolve("a.####.png")));
    }

    @Test
    void otherSequencesAndExtensionsBesideThePatternAreIgnored() throws Exception {
        touch("a.1001.exr", "a.1002.exr", "a.1001.png", "a_v2.1001.exr", "a.1001.exr.bak", "b.1003.exr");

        ImageSequence sequence = resolve("a.####.exr");

        assertEquals(List.of(1001, 1002), numbers(sequence));
        assertEquals(List.of(), sequence.missing());
    }

    @Test
    void gapsAreListedInsideThePresentFrames() throws Exception {
        touch("a.1001.exr", "a.1002.exr", "a.1004.exr", "a.1008.exr");

        ImageSequence sequence = resolve("a.####.exr");

        assertEquals(List.of(1003, 1005, 1006, 1007), sequence.missing());
    }

    @Test
    void rangeReportsItsMissingEndsAndIgnoresFramesOutsideIt() throws Exception {
        touch("a.1000.exr", "a.1003.exr", "a.1004.exr", "a.1011.exr");

        ImageSequence sequence = resolve("a.[1001-1005].exr");

        assertEquals(List.of(1003, 1004), numbers(sequence));
        assertEquals(List.of(1001, 1002, 1005), sequence.missing());
    }

    @Test
    void rangeThatEndsBeforeItStartsIsRefused() throws Exception {
        touch("a.1001.exr");

        PlateException e = assertThrows(PlateException.class, () -> resolve("a.[1010-1001].exr"));
        assertTrue(e.getMessage().contains("ends before it starts"), e.getMessage());
    }

    @Test
    void sameFrameWithTwoPaddingsIsRefused() throws Exception {
        touch("a.1001.exr", "a.01001.exr", "a.1002.exr");

        PlateException e = assertThrows(PlateException.class, () -> resolve("a.####.exr"));

        assertTrue(e.getMessage().contains("frame 1001 exists twice"), e.getMessage());
        assertTrue(e.getMessage().contains("a.01001.exr") && e.getMessage().contains("a.1001.exr"), e.getMessage());
        assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void describeFramesFoldsRuns() {
        assertEquals("", ImageSequence.describeFrames(List.of()));
        assertEquals("7", ImageSequence.describeFrames(List.of(7)));
        assertEquals("1003, 1005-1007, 1010", ImageSequence.describeFrames(List.of(1003, 1005, 1006, 1007, 1010)));
        assertEquals("998-1002", ImageSequence.describeFrames(List.of(998, 999, 1000, 1001, 1002)));
    }

    @Test
    void sequenceOrMovieIsDecidedByName() throws Exception {
        assertTrue(ImageSequence.isSequence("shot.####.exr"));
        assertTrue(ImageSequence.isSequence("shot.%04d.dpx"));
        assertTrue(ImageSequence.isSequence("shot.[1001-1010].png"));
        assertTrue(ImageSequence.isSequence("shot.1001.EXR"));
        assertTrue(ImageSequence.isSequence(dir.toString()));
        assertFalse(ImageSequence.isSequence("shot.mov"));
        assertFalse(ImageSequence.isSequence("shot_1001.mp4"));
    }

    @ParameterizedTest
    @CsvSource({
        "AGM_104_065_010_PL01_v001.1001.exr, AGM_104_065_010_PL01_v001., 1001, AGM_104_065_010_PL01_v001.####.exr",
        "plate-A_0998.DPX, plate-A_, 998, plate-A_####.DPX",
        "bg12.7.png, bg12., 7, bg12.#.png",
    })
    void frameNameSplitsAroundTheFrameNumber(String file, String prefix, int number, String pattern) {
        ImageSequence.FrameName name = ImageSequence.frameName(file).orElseThrow();

        assertEquals(prefix, name.prefix());
        assertEquals(number, name.number());
        assertEquals(pattern, name.pattern());
    }

    @ParameterizedTest
    @CsvSource({"shot_v001.mov", "still.exr", "shot.1001.exr.part", "take#2.1001.exr", "a.[1-3].1001.exr",
        "a.1234567890.exr", "edit.1001.edl"})
    void namesWithoutAUsableFrameNumberAreNoFrames(String file) {
        assertTrue(ImageSequence.frameName(file).isEmpty(), file);
    }

    @Test
    void framesGroupedByFrameNameAreTheFramesItsPatternResolves() throws Exception {
        touch("a1.1001.exr", "a1.1002.exr", "a11001.exr", "a.1001.exr");

        ImageSequence.FrameName name = ImageSequence.frameName("a1.1001.exr").orElseThrow();

        assertEquals(List.of(1001, 1002), numbers(resolve(name.pattern())));
    }
}
