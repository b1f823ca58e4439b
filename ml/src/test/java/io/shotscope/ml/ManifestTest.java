package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @Test
    void labelsAreReadAndRelativePathsResolvedAgainstTheManifest(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("shots.csv"),
                "path,label,notes\nplates/a.mov,Easy,x\n/abs/b.mov,hard,\"a, quoted note\"\n\n# comment\n");
        List<Manifest.Entry> entries = Manifest.read(csv, Manifest.DEFAULT_DAYS_THRESHOLDS);

        assertEquals(2, entries.size());
        assertEquals(dir.resolve("plates/a.mov").toString(), entries.get(0).path());
        assertEquals(Difficulty.Easy, entries.get(0).label());
        assertEquals("/abs/b.mov", entries.get(1).path());
        assertEquals(Difficulty.Hard, entries.get(1).label());
    }

    @Test
    void artistDaysMapToClassesByThresholds(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("days.csv"), "path,days\na.mov,1.5\nb.mov,2\nc.mov,5.9\nd.mov,6\n");
        List<Difficulty> labels = Manifest.read(csv, new double[] {2, 6}).stream().map(Manifest.Entry::label).toList();
        assertEquals(List.of(Difficulty.Easy, Difficulty.Medium, Difficulty.Medium, Difficulty.Hard), labels);

        List<Difficulty> stricter = Manifest.read(csv, new double[] {1, 3}).stream().map(Manifest.Entry::label).toList();
        assertEquals(List.of(Difficulty.Medium, Difficulty.Medium, Difficulty.Hard, Difficulty.Hard), stricter);
    }

    @Test
    void withBothColumnsTheLabelGivesTheClassAndTheDaysAreKept(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("both.csv"), "path,label,days\na.mov,Hard,1.5\nb.mov,Easy,7\n");
        List<Manifest.Entry> entries = Manifest.read(csv, new double[] {2, 6});
        assertEquals(Difficulty.Hard, entries.get(0).label());
        assertEquals(1.5, entries.get(0).days());
        assertEquals(Difficulty.Easy, entries.get(1).label());
        assertEquals(7, entries.get(1).days());

        Path labelsOnly = Files.writeString(dir.resolve("labels.csv"), "path,label\na.mov,Easy\n");
        assertTrue(Double.isNaN(Manifest.read(labelsOnly, new double[] {2, 6}).get(0).days()));
    }

    @Test
    void besideALabelABlankDaysCellIsUnknownButABadOneIsRefused(@TempDir Path dir) throws Exception {
        Path blank = Files.writeString(dir.resolve("blank.csv"), "path,label,days\na.mov,Easy,\nb.mov,Hard,4\n");
        List<Manifest.Entry> entries = Manifest.read(blank, new double[] {2, 6});
        assertTrue(!entries.get(0).hasDays() && entries.get(1).hasDays());

        Path bad = Files.writeString(dir.resolve("bad-days.csv"), "path,label,days\na.mov,Easy,soon\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.read(bad, new double[] {2, 6}));
        assertTrue(e.getMessage().startsWith(bad + ":2: days 'soon'"), e.getMessage());
    }

    @Test
    void badRowsAreRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "path,label\na.mov,Easy\nb.mov,Impossible\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.read(csv, Manifest.DEFAULT_DAYS_THRESHOLDS));
        assertTrue(e.getMessage().startsWith(csv + ":3: label 'Impossible'"), e.getMessage());

        Path noLabel = Files.writeString(dir.resolve("nolabel.csv"), "path,notes\na.mov,x\n");
        assertThrows(IllegalArgumentException.class, () -> Manifest.read(noLabel, Manifest.DEFAULT_DAYS_THRESHOLDS));
    }

    @Test
    void aShotListedTwiceIsRefusedWithBothLines(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("twice.csv"),
                "path,label\nplates/a.mov,Easy\nb.mov,Hard\n./plates/../plates/a.mov,Hard\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.read(csv, Manifest.DEFAULT_DAYS_THRESHOLDS));

        assertEquals(csv + ":4: ./plates/../plates/a.mov is listed twice (first on line 2)", e.getMessage());
    }
}
