package io.shotscope.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlateSourcesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfMoviesListsItsMoviesByNameAndNothingElse() throws Exception {
        for (String name : new String[] {"B001.mov", "A001.mp4", "notes.txt", ".A000.mov", "take.####.mov"}) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectories(dir.resolve("C001.mov"));

        assertEquals(List.of(dir.resolve("A001.mp4"), dir.resolve("B001.mov")),
                PlateSources.moviesInFolder(dir.toString()));
    }

    @Test
    void aFolderOfFramesIsASequenceEvenBesideAMovie() throws Exception {
        SyntheticPlates.sequence(dir, "bg.%04d.png", ImageFormat.PNG_8, 32, 24, 1001, 2, Set.of());
        Files.writeString(dir.resolve("reference.mov"), "x");

        assertEquals(List.of(), PlateSources.moviesInFolder(dir.toString()));
    }

    @Test
    void aMovieOrAPatternIsNoFolderOfMovies() throws Exception {
        Path movie = Files.writeString(dir.resolve("A001.mov"), "x");

        assertEquals(List.of(), PlateSources.moviesInFolder(movie.toString()));
        assertEquals(List.of(), PlateSources.moviesInFolder(dir.resolve("bg.####.exr").toString()));
        assertEquals(List.of(), PlateSources.moviesInFolder(dir.resolve("absent").toString()));
    }
}
