package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad --backgrounds folder is the user's input: one error line, never "internal error". */
class SynthCommandTest {

    @TempDir
    Path dir;

    @Test
    void anUnreadableBackgroundClipIsOneErrorLineNamingIt() throws Exception {
        Path backgrounds = Files.createDirectories(dir.resolve("backgrounds"));
        Path notes = Files.writeString(backgrounds.resolve("notes.mp4"), "not a movie");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("synth", "--out", dir.resolve("out").toString(),
                "--count", "8", "--backgrounds", backgrounds.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: background " + notes + ": not a movie FFmpeg can read", run.err().strip());
        assertFalse(Files.exists(dir.resolve("out").resolve("manifest.csv")));
    }

    @Test
    void aBackgroundsFolderWithoutMoviesIsOneErrorLine() throws Exception {
        Path backgrounds = Files.createDirectories(dir.resolve("backgrounds"));

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("synth", "--out", dir.resolve("out").toString(),
                "--count", "2", "--backgrounds", backgrounds.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: backgrounds " + backgrounds + ": no movie files (.mp4 .mkv .mov .avi .mxf .webm) in it",
                run.err().strip());
    }
}
