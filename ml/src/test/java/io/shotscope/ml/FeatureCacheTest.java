package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.analysis.ShotAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    @TempDir
    Path dir;

    @Test
    void storedFeaturesComeBackWithTheirMetricsAndThumbnails() {
        FeatureCache cache = new FeatureCache(dir);
        ShotFeatures shot = SyntheticShots.shot(Difficulty.Medium, 4, new Random(3));
        cache.put("k", shot);
        ShotFeatures back = cache.get("k").orElseThrow();
        for (int t = 0; t < shot.length(); t++) {
            assertArrayEquals(shot.metrics()[t], back.metrics()[t]);
            assertArrayEquals(shot.frames()[t], back.frames()[t], 0.5f / 255);
        }
    }

    @Test
    void aTruncatedEntryIsAMissNotAnError() throws IOException {
        FeatureCache cache = new FeatureCache(dir);
        cache.put("k", SyntheticShots.shot(Difficulty.Hard, 4, new Random(3)));
        Path file = dir.resolve("k.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(cache.get("k").isEmpty());
    }

    @Test
    void theKeyNamesTheAnalyserVersionFramesAndMetricCount() {
        assertEquals("abc-" + ShotAnalyzer.VERSION + "-T" + ShotFeatures.FRAMES + "-M" + ShotFeatures.METRICS,
                FeatureCache.key("abc"));
    }
}
