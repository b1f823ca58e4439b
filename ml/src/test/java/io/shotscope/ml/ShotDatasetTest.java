package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.testsupport.SharedClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotDatasetTest {

    private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults().withMaxFrames(40);

    @Test
    void featuresHoldTheReportsPerFrameScoresAndThumbnailsInRange() throws Exception {
        String clip = SharedClips.clip("asl-thanks.mkv").toString();
        try (ShotFeatureExtractor extractor = new ShotFeatureExtractor(OPTIONS)) {
            ShotFeatureExtractor.Extracted e = extractor.extract(clip, ProgressListener.NONE);

            assertEquals(ShotFeatures.FRAMES, e.features().length());
            List<Double> blur = e.report().metrics().get("blur").frameScores();
            assertEquals(blur.get(0).floatValue(), e.features().metrics()[0][0]);
            assertEquals(blur.get(blur.size() - 1).floatValue(), e.features().metrics()[ShotFeatures.FRAMES - 1][0]);
            for (float v : e.features().frames()[5]) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
    }

    @Test
    void secondLoadComesFromTheCacheWithoutDecoding(@TempDir Path dir) throws Exception {
        List<Manifest.Entry> entries = List.of(
                new Manifest.Entry(SharedClips.clip("asl-thanks.mkv").toString(), Difficulty.Easy, 2),
                new Manifest.Entry(SharedClips.clip("asl-again.mkv").toString(), Difficulty.Hard, 3));
        FeatureCache cache = new FeatureCache(dir);
        List<Boolean> first = new ArrayList<>();
        List<Boolean> second = new ArrayList<>();

        List<LabelledShot> a = ShotDataset.load(entries, OPTIONS, cache, (done, total, cached) -> first.add(cached));
        List<LabelledShot> b = ShotDataset.load(entries, OPTIONS, cache, (done, total, cached) -> second.add(cached));

        assertEquals(List.of(false, false), first);
        assertEquals(List.of(true, true), second);
        assertArrayEquals(a.get(1).features().metrics()[7], b.get(1).features().metrics()[7]);
        assertEquals(Difficulty.Hard, b.get(1).label());
    }

    @Test
    void everyUnreadableShotIsNamedAndTheReadableOnesAreCached(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.mov"), "not a movie");
        String good = SharedClips.clip("asl-thanks.mkv").toString();
        List<Manifest.Entry> entries = List.of(
                new Manifest.Entry(notes.toString(), Difficulty.Easy, 2),
                new Manifest.Entry(good, Difficulty.Hard, 3),
                new Manifest.Entry(dir.resolve("absent.mov").toString(), Difficulty.Medium, 4));
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));

        UnreadableShotsException e = assertThrows(UnreadableShotsException.class,
                () -> ShotDataset.load(entries, OPTIONS, cache, ShotDataset.Listener.NONE));

        assertEquals(2, e.failures().size(), e.failures().toString());
        assertTrue(e.failures().get(0).startsWith(notes + " (manifest line 2): "), e.failures().get(0));
        assertTrue(e.failures().get(1).startsWith(dir.resolve("absent.mov") + " (manifest line 4): "), e.failures().get(1));
        assertTrue(e.getMessage().startsWith("2 of 3 shots could not be read") && e.getMessage().contains(notes.toString()),
                e.getMessage());
        List<Boolean> cached = new ArrayList<>();
        ShotDataset.load(List.of(entries.get(1)), OPTIONS, cache, (done, total, hit) -> cached.add(hit));
        assertEquals(List.of(true), cached, "the readable shot was analysed and cached before the failure was raised");
    }

    @Test
    void theSameFootageListedTwiceIsReportedAndKept(@TempDir Path dir) throws Exception {
        Path clip = SharedClips.clip("asl-thanks.mkv");
        Path again = Files.createSymbolicLink(dir.resolve("SH0020_plate.mkv"), clip);
        List<Manifest.Entry> entries = List.of(
                new Manifest.Entry(clip.toString(), Difficulty.Easy, 2),
                new Manifest.Entry(SharedClips.clip("asl-again.mkv").toString(), Difficulty.Easy, 3),
                new Manifest.Entry(again.toString(), Difficulty.Hard, 4));
        List<String> reported = new ArrayList<>();

        List<LabelledShot> shots = ShotDataset.load(entries, OPTIONS, new FeatureCache(dir.resolve("cache")),
                new ShotDataset.Listener() {
                    @Override
                    public void shotLoaded(int done, int total, boolean cached) {
                    }

                    @Override
                    public void sameFootage(Manifest.Entry entry, Manifest.Entry first) {
                        reported.add(entry.line() + " as " + first.line());
                    }
                });

        assertEquals(List.of("4 as 2"), reported);
        assertEquals(3, shots.size());
    }

    @Test
    void splitIsDeterministicAndHoldsOutEveryClass() {
        List<LabelledShot> shots = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shots.add(new LabelledShot("s" + i, null, Difficulty.values()[i % 3]));
        }
        List<List<LabelledShot>> one = ShotDataset.split(shots, 0.2, 7);
        List<List<LabelledShot>> two = ShotDataset.split(shots, 0.2, 7);

        assertEquals(one, two);
        assertEquals(6, one.get(1).size());
        for (Difficulty d : Difficulty.values()) {
            assertEquals(2, one.get(1).stream().filter(s -> s.label() == d).count());
        }
    }
}
