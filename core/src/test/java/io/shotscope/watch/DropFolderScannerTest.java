package io.shotscope.watch;

import static io.shotscope.watch.DropFiles.frames;
import static io.shotscope.watch.DropFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import io.shotscope.video.DecodeOptions;
import io.shotscope.video.PlateKind;
import io.shotscope.video.PlateSource;
import io.shotscope.video.PlateSources;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one scan of the drop folder finds: names, sizes and folders only. */
class DropFolderScannerTest {

    /** A scan of a handful of files takes milliseconds; this only catches a hang. */
    private static final Duration HANG = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    Path root;

    private final DropFolderScanner scanner = new DropFolderScanner(WatchOptions.defaults());

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectories(tmp.resolve("drop")).toRealPath();
    }

    private List<PlateCandidate> scan() throws IOException {
        return scanner.scan(root);
    }

    private List<String> inputs() throws IOException {
        return scan().stream().map(PlateCandidate::input).toList();
    }

    private String in(String relative) {
        return root.resolve(relative).toString();
    }

    @Test
    void sequenceIsOneShot() throws Exception {
        for (int n = 1005; n >= 1001; n--) {
            write(root.resolve(String.format("AGM_104_065_010_PL01_v001.%04d.exr", n)), 100 + n - 1001);
        }

        List<PlateCandidate> found = scan();

        assertEquals(1, found.size());
        PlateCandidate plate = found.get(0);
        assertEquals(PlateKind.SEQUENCE, plate.kind());
        assertEquals(in("AGM_104_065_010_PL01_v001.####.exr"), plate.input());
        assertEquals(1001, plate.firstFrame());
        assertEquals(1005, plate.lastFrame());
        assertEquals(0, plate.missingFrames());
        assertEquals(100 + 101 + 102 + 103 + 104, plate.totalBytes());
        assertEquals(List.of(1001, 1002, 1003, 1004, 1005), plate.files().stream()
                .map(f -> Integer.parseInt(f.getFileName().toString().split("\\.")[1])).toList());
    }

    @Test
    void framesAreOrderedByNumberAndGapsAreCounted() throws Exception {
        for (String name : List.of("bg.1000.png", "bg.998.png", "bg.999.png", "bg.1003.png")) {
            write(root.resolve(name), 10);
        }

        PlateCandidate plate = scan().get(0);

        assertEquals(List.of("bg.998.png", "bg.999.png", "bg.1000.png", "bg.1003.png"),
                plate.files().stream().map(f -> f.getFileName().toString()).toList());
        assertEquals(998, plate.firstFrame());
        assertEquals(1003, plate.lastFrame());
        assertEquals(2, plate.missingFrames());
    }

    @Test
    void twoSequencesInOneFolderAreTwoShots() throws Exception {
        frames(root, "plate_v001.%04d.exr", 1001, 3, 10);
        frames(root, "plate_v002.%04d.exr", 1001, 4, 10);
        frames(root, "plate_v002.%04d.dpx", 1001, 2, 10);

        List<PlateCandidate> found = scan();

        assertEquals(List.of(in("plate_v001.####.exr"), in("plate_v002.####.dpx"), in("plate_v002.####.exr")),
                found.stream().map(PlateCandidate::input).toList());
        assertEquals(List.of(3, 2, 4), found.stream().map(c -> c.files().size()).toList());
    }

    @Test
    void eachMovieIsOneCandidate() throws Exception {
        write(root.resolve("a.mov"), 10);
        write(root.resolve("b.MXF"), 10);
        write(root.resolve("c_v001.mp4"), 10);

        List<PlateCandidate> found = scan();

        assertEquals(List.of(in("a.mov"), in("b.MXF"), in("c_v001.mp4")),
                found.stream().map(PlateCandidate::input).toList());
        assertTrue(found.stream().allMatch(c -> c.kind() == PlateKind.MOVIE && c.files().size() == 1));
    }

    @Test
    void hiddenAndTemporaryFilesAreIgnored() throws Exception {
        write(root.resolve("keep.mov"), 10);
        write(root.resolve("keep.1001.exr"), 10);
        for (String name : List.of(".hidden.mov", "._keep.1002.exr", ".keep.1003.exr", "copy.mov.part",
                "copy.mov.tmp", "copy.mov.crdownload", "copy.mov.partial", "copy.mov~", "~$copy.mov",
                "keep.1004.exr.part", "KEEP.MOV.TMP", ".cache/cached.mov", ".git/x.1001.exr",
                "incoming.partial/shot.mov", "shot.tmp/shot.1001.exr")) {
            write(root.resolve(name), 10);
        }

        assertEquals(List.of(in("keep.####.exr"), in("keep.mov")), inputs());
        assertEquals(1, scan().get(0).files().size());
    }

    @Test
    void unknownExtensionsUnnumberedImagesAndEmptyFilesAreIgnored() throws Exception {
        write(root.resolve("notes.txt"), 10);
        write(root.resolve("edit.1001.edl"), 10);
        write(root.resolve("reference_still.exr"), 10);
        write(root.resolve("take#2.mov"), 10);
        Files.createFile(root.resolve("just_created.mov"));
        write(root.resolve("real.mov"), 10);

        assertEquals(List.of(in("real.mov")), inputs());
    }

    @Test
    void nestedFoldersAreWatched() throws Exception {
        frames(root.resolve("SQ010/SH0040/plates"), "SQ010_SH0040_PL01_v001.%04d.exr", 1001, 3, 10);
        frames(root.resolve("SQ010/SH0050/plates"), "SQ010_SH0050_PL01_v001.%04d.exr", 1001, 2, 10);
        write(root.resolve("SQ020/turnover/SQ020_SH0010.mov"), 10);

        assertEquals(List.of(
                in("SQ010/SH0040/plates/SQ010_SH0040_PL01_v001.####.exr"),
                in("SQ010/SH0050/plates/SQ010_SH0050_PL01_v001.####.exr"),
                in("SQ020/turnover/SQ020_SH0010.mov")), inputs());
    }

    @Test
    void sameNamedFramesInTwoFoldersAreTwoShots() throws Exception {
        frames(root.resolve("a"), "plate.%04d.exr", 1001, 2, 10);
        frames(root.resolve("b"), "plate.%04d.exr", 1001, 2, 10);

        assertEquals(List.of(in("a/plate.####.exr"), in("b/plate.####.exr")), inputs());
    }

    @Test
    void foldersDeeperThanMaxDepthAreNotScanned() throws Exception {
        write(root.resolve("1/shallow.mov"), 10);
        write(root.resolve("1/2/deep.mov"), 10);

        List<PlateCandidate> found = new DropFolderScanner(WatchOptions.defaults().withMaxDepth(1)).scan(root);

        assertEquals(List.of(in("1/shallow.mov")), found.stream().map(PlateCandidate::input).toList());
    }

    @Test
    void symlinkLoopDoesNotHang() throws Exception {
        Path shots = Files.createDirectories(root.resolve("shots"));
        frames(shots, "plate.%04d.exr", 1001, 3, 10);
        Path outside = write(tmp.resolve("outside/secret.mov"), 10);
        createSymlinkOrSkip(shots.resolve("loop"), root);
        createSymlinkOrSkip(root.resolve("linked.mov"), outside);
        createSymlinkOrSkip(root.resolve("linked-folder"), outside.getParent());

        List<PlateCandidate> found = assertTimeoutPreemptively(HANG, this::scan);

        assertEquals(List.of(in("shots/plate.####.exr")), found.stream().map(PlateCandidate::input).toList());
        assertEquals(3, found.get(0).files().size());
    }

    @Test
    void symlinkedRootIsScannedThroughItsRealPath() throws Exception {
        write(root.resolve("a.mov"), 10);
        Path link = tmp.resolve("drop-link");
        createSymlinkOrSkip(link, root);

        assertEquals(List.of(in("a.mov")), scanner.scan(link).stream().map(PlateCandidate::input).toList());
    }

    @Test
    void fifoIsIgnored() throws Exception {
        write(root.resolve("plate.1001.exr"), 10);
        write(root.resolve("plate.1003.exr"), 10);
        makeFifoOrSkip(root.resolve("plate.1002.exr"));
        makeFifoOrSkip(root.resolve("pipe.mov"));

        List<PlateCandidate> found = assertTimeoutPreemptively(HANG, this::scan);

        assertEquals(List.of(in("plate.####.exr")), found.stream().map(PlateCandidate::input).toList());
        assertEquals(List.of(root.resolve("plate.1001.exr"), root.resolve("plate.1003.exr")), found.get(0).files());
    }

    @Test
    void missingDropFolderIsAOneLineError() {
        Path missing = tmp.resolve("nowhere");

        IOException error = assertThrows(IOException.class, () -> scanner.scan(missing));

        assertEquals(missing + ": drop folder does not exist", error.getMessage());
    }

    @Test
    void candidateInputIsWhatPlateSourcesOpens() throws Exception {
        SyntheticPlates.sequence(root, "shot_v001.%04d.png", ImageFormat.PNG_8, 32, 18, 1001, 3, Set.of());
        SyntheticPlates.movie(root.resolve("turnover.mp4"), MovieFormat.MP4_MPEG4, 32, 18, 4);

        List<PlateCandidate> found = scan();

        assertEquals(2, found.size());
        for (PlateCandidate candidate : found) {
            try (PlateSource source = PlateSources.open(candidate.input(), DecodeOptions.defaults())) {
                assertEquals(candidate.kind(), source.info().kind(), candidate.input());
                assertEquals(candidate.files(), source.info().files(), candidate.input());
            }
        }
    }

    private static void createSymlinkOrSkip(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Assumptions.abort("SKIPPED: this file system cannot make symbolic links: " + e.getMessage());
        }
    }

    private static void makeFifoOrSkip(Path fifo) throws InterruptedException {
        int exit;
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            if (mkfifo.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)) {
                exit = mkfifo.exitValue();
            } else {
                mkfifo.destroyForcibly();
                exit = -1;
            }
        } catch (IOException e) {
            exit = -1;
        }
        Assumptions.assumeTrue(exit == 0 && Files.exists(fifo), "SKIPPED: mkfifo is not available here");
    }
}
