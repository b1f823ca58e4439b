package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An --out that cannot be written is one error line before any work, not a stack trace at the end. */
class OutFolderCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"synth", "train", "evaluate", "analyze"})
    void anOutThatIsAFileIsRefusedBeforeAnyShotIsRead(String command) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        // the listed shot and the plate do not exist: the --out check must come before any is read
        List<String> args = new ArrayList<>(List.of(command, "--out", file.toString()));
        switch (command) {
            case "synth" -> args.addAll(List.of("--count", "1"));
            case "train" -> args.addAll(List.of("--manifest", manifest().toString()));
            case "evaluate" -> args.addAll(List.of("--manifest", manifest().toString(),
                    "--model", ModelLocation.defaultModel().toString()));
            default -> args.addAll(List.of("--no-model", dir.resolve("absent.mov").toString()));
        }

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run(args.toArray(String[]::new));

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: --out " + file + ": exists and is not a folder", run.err().strip());
        assertEquals("not a folder", Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth", "train"})
    void anOutBelowAFileIsRefusedWithTheSystemsReason(String command) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        Path out = file.resolve("model");
        List<String> args = new ArrayList<>(List.of(command, "--out", out.toString()));
        args.addAll(command.equals("synth") ? List.of("--count", "1") : List.of("--manifest", manifest().toString()));

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run(args.toArray(String[]::new));

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: --out " + out + ": "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate"})
    void aMistypedManifestLeavesNoOutFolderBehind(String command) {
        Path out = dir.resolve("results");
        List<String> args = new ArrayList<>(List.of(command, "--out", out.toString(), "--manifest",
                dir.resolve("absent.csv").toString()));
        if (command.equals("evaluate")) {
            args.addAll(List.of("--model", ModelLocation.defaultModel().toString()));
        }

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run(args.toArray(String[]::new));

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: " + dir.resolve("absent.csv") + ": no such manifest"), run.err());
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate"})
    void aRunRefusedAfterItsOutCheckRemovesTheFoldersItMade(String command) throws Exception {
        Path out = dir.resolve("new").resolve("results");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run(args(command, out));

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("notes.mov (manifest line 2): not a video"), run.err());
        assertFalse(Files.exists(dir.resolve("new")), "neither results nor its new parent is left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate"})
    void aRefusedRunKeepsAnOutFolderThatWasThereBefore(String command) throws Exception {
        Path out = Files.createDirectories(dir.resolve("results"));

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run(args(command, out));

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(out));
    }

    /** Arguments naming a manifest whose one shot exists but is not a movie: found unreadable after the check. */
    private String[] args(String command, Path out) throws IOException {
        Files.writeString(dir.resolve("notes.mov"), "not a movie");
        Path manifest = Files.writeString(dir.resolve("unreadable.csv"), "path,label\nnotes.mov,Easy\n");
        List<String> args = new ArrayList<>(List.of(command, "--out", out.toString(), "--manifest",
                manifest.toString()));
        if (command.equals("evaluate")) {
            args.addAll(List.of("--model", ModelLocation.defaultModel().toString()));
        }
        return args.toArray(String[]::new);
    }

    /** A manifest listing one shot that does not exist: read, but never analysed in these tests. */
    private Path manifest() throws IOException {
        return Files.writeString(dir.resolve("shots.csv"), "path,label\nabsent.mov,Easy\n");
    }
}
