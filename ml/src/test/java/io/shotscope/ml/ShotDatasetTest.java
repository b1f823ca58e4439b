package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.testsupport.SharedClips;
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
