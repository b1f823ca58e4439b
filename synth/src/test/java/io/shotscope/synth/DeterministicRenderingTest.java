package io.shotscope.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicRenderingTest {

    static final SynthConfig SMALL = SynthConfig.DEFAULT.withSize(64, 36).withFrames(12);

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesIdenticalManifestAndFramesWhateverTheThreadCount() throws Exception {
        List<SynthShot> a = SyntheticShots.render(tmp.resolve("a"), 6, 7, null, null, SMALL.withThreads(2));
        List<SynthShot> b = SyntheticShots.render(tmp.resolve("b"), 6, 7, null, null, SMALL.withThreads(1));

        assertEquals(Files.readString(tmp.resolve("a/manifest.csv")), Files.readString(tmp.resolve("b/manifest.csv")));
        assertEquals(a.stream().map(SynthShot::factors).toList(), b.stream().map(SynthShot::factors).toList());
        for (int i = 0; i < a.size(); i++) {
            List<byte[]> fa = Movies.decode(a.get(i).path()).frames();
            List<byte[]> fb = Movies.decode(b.get(i).path()).frames();
            assertEquals(fa.size(), fb.size());
            for (int k = 0; k < fa.size(); k++) {
                assertArrayEquals(fa.get(k), fb.get(k), "shot " + i + " frame " + k);
            }
        }
    }

    @Test
    void differentSeedGivesDifferentManifestAndFrames() throws Exception {
        List<SynthShot> a = SyntheticShots.render(tmp.resolve("a"), 6, 7, null, null, SMALL);
        List<SynthShot> b = SyntheticShots.render(tmp.resolve("b"), 6, 8, null, null, SMALL);

        assertNotEquals(Files.readString(tmp.resolve("a/manifest.csv")), Files.readString(tmp.resolve("b/manifest.csv")));
        for (int i = 0; i < a.size(); i++) {
            byte[] fa = Movies.decode(a.get(i).path()).frames().get(0);
            byte[] fb = Movies.decode(b.get(i).path()).frames().get(0);
            assertFalse(Arrays.equals(fa, fb), "shot " + i + " has the same first frame under both seeds");
        }
    }

    @Test
    void eachShotDependsOnlyOnTheSeedAndItsIndex() {
        for (int i = 0; i < 5; i++) {
            assertEquals(SyntheticShots.factors(3, i, SMALL, List.of()), SyntheticShots.factors(3, i, SMALL, List.of()));
            assertNotEquals(SyntheticShots.factors(3, i, SMALL, List.of()), SyntheticShots.factors(3, i + 1, SMALL, List.of()));
        }
    }
}
