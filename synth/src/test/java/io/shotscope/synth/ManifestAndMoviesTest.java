package io.shotscope.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.SharedClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestAndMoviesTest {

    /** How long the output folder must stay unchanged after a failed render. */
    private static final long QUIET_MILLIS = 300;

    @TempDir
    Path tmp;

    @Test
    void moviesDecodeWithTheConfiguredFrameCountAndSize() throws Exception {
        SynthConfig config = SynthConfig.DEFAULT.withFrames(10);
        List<SynthShot> shots = SyntheticShots.render(tmp, 3, 1, null, null, config);

        assertEquals(3, shots.size());
        for (int i = 0; i < shots.size(); i++) {
            assertEquals(tmp.resolve(SyntheticShots.fileName(i)), shots.get(i).path());
            Movies.Decoded movie = Movies.decode(shots.get(i).path());
            assertEquals(320, movie.width());
            assertEquals(180, movie.height());
            assertEquals(10, movie.frames().size());
        }
        assertEquals("shot_00001.mkv", shots.get(0).path().getFileName().toString());
    }

    @Test
    void aBackgroundsFolderWithoutMoviesIsBadInputNamingIt() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("backgrounds"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticShots.render(tmp.resolve("out"), 2, 1, empty, null, SynthConfig.DEFAULT.withFrames(8)));
        assertTrue(e.getMessage().startsWith("backgrounds " + empty + ": no movie files (.mp4"), e.getMessage());
    }

    @Test
    void anUnreadableBackgroundClipIsBadInputNamingIt() throws Exception {
        Path backgrounds = Files.createDirectories(tmp.resolve("backgrounds"));
        Path notes = Files.writeString(backgrounds.resolve("notes.mp4"), "not a movie");
        SynthConfig config = SynthConfig.DEFAULT;

        // every shot that draws footage draws this clip; with 8 shots some surely do
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticShots.render(tmp.resolve("out"), 8, 1, backgrounds, null, config));
        assertEquals("background " + notes + ": not a movie FFmpeg can read", e.getMessage());
        // once render has failed, no worker may still be writing a shot into the output folder
        Map<String, Long> before = sizes(tmp.resolve("out"));
        Thread.sleep(QUIET_MILLIS);
        assertEquals(before, sizes(tmp.resolve("out")), "a shot was still being written after render failed");
    }

    @Test
    void mjpegMoviesDecodeToo() throws Exception {
        SynthConfig config = SynthConfig.DEFAULT.withSize(96, 54).withFrames(9).withCodec(SynthConfig.Codec.MJPEG);
        SynthShot shot = SyntheticShots.render(tmp, 1, 2, null, null, config).get(0);

        Movies.Decoded movie = Movies.decode(shot.path());
        assertEquals(96, movie.width());
        assertEquals(54, movie.height());
        assertEquals(9, movie.frames().size());
    }

    @Test
    void manifestHasPathLabelDaysAndEveryFactorPerShotInOrder() throws Exception {
        SynthConfig config = SynthConfig.DEFAULT.withSize(64, 36).withFrames(8);
        List<SynthShot> shots = SyntheticShots.render(tmp, 4, 5, null, null, config);

        List<String> lines = Files.readAllLines(tmp.resolve(SyntheticShots.MANIFEST));
        List<String> header = new ArrayList<>(List.of("path", "label", "days"));
        header.addAll(LatentFactors.COLUMNS);
        assertEquals(String.join(",", header), lines.get(0));
        assertEquals(5, lines.size());
        for (int i = 0; i < shots.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(header.size(), cells.length);
            assertEquals(SyntheticShots.fileName(i), cells[0]);
            assertEquals(EffortRubric.label(shots.get(i).factors()).toString(), cells[1]);
            double days = Double.parseDouble(cells[2]);
            assertEquals(EffortRubric.score(shots.get(i).factors()).total(), days, 1e-4);
            assertEquals(EffortRubric.label(shots.get(i).factors()), days < EffortRubric.EASY_BELOW ? ShotLabel.EASY
                    : days < EffortRubric.MEDIUM_BELOW ? ShotLabel.MEDIUM : ShotLabel.HARD);
            assertEquals(shots.get(i).factors().csvValues(), List.of(cells).subList(3, cells.length));
        }
    }

    @Test
    void clipNamesWithCommasAreQuotedInTheManifest() {
        assertEquals("plain.mp4", LatentFactors.csvText("plain.mp4"));
        assertEquals("\"a,b \"\"c\"\".mp4\"", LatentFactors.csvText("a,b \"c\".mp4"));
    }

    @Test
    void progressIsReportedOncePerShot() {
        List<Integer> done = new ArrayList<>();
        SyntheticShots.render(tmp, 3, 1, null, (shot, n, total) -> done.add(n),
                SynthConfig.DEFAULT.withSize(64, 36).withFrames(8));
        assertEquals(List.of(1, 2, 3), done);
    }

    @Test
    void backgroundsComeFromRealFootageWhenAFolderIsGiven() throws Exception {
        Path clips = SharedClips.dir();
        SynthConfig config = SynthConfig.DEFAULT.withSize(64, 36).withFrames(8);
        List<SynthShot> shots = SyntheticShots.render(tmp, 3, 1, clips, null, config);

        for (SynthShot shot : shots) {
            assertTrue(Files.isRegularFile(clips.resolve(shot.factors().background())), shot.factors().background());
            assertEquals(8, Movies.decode(shot.path()).frames().size());
        }
        // the background choice does not change any other factor, so labels do not depend on it
        List<SynthShot> procedural = SyntheticShots.render(tmp.resolve("p"), 3, 1, null, null, config);
        for (int i = 0; i < shots.size(); i++) {
            assertEquals(procedural.get(i).label(), shots.get(i).label());
        }
    }

    private static Map<String, Long> sizes(Path dir) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                sizes.put(file.getFileName().toString(), Files.size(file));
            }
        }
        return sizes;
    }
}
