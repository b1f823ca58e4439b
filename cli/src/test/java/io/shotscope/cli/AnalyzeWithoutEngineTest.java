package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.SharedClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} rates shots with the network in plain Java: a fresh JVM running it with the
 * default model never loads the PyTorch engine, whose start-up costs more CPU than the forward pass;
 * with {@code --no-model} it does no model work at all.
 */
class AnalyzeWithoutEngineTest {

    @TempDir
    Path dir;

    @Test
    void analyzeRatesAShotWithoutLoadingThePyTorchEngine() throws IOException, InterruptedException {
        List<String> lines = analyzeInAFreshJvm();
        String report = lines.stream().filter(line -> line.startsWith("{")).findFirst().orElse("");
        assertTrue(report.contains("\"prediction\":{\"class\":"), "the report carries a prediction: " + report);
        assertTrue(report.contains("\"explanation\":[{\"metric\":"), "the report carries an explanation");
        assertTrue(lines.stream().anyMatch(line -> line.contains("io.shotscope.ml.JavaShotNetwork")),
                "the plain Java network ran");
        assertFalse(lines.stream().anyMatch(line -> line.contains("ai.djl.engine.Engine ") || line.contains("ai.djl.pytorch")),
                "no engine class may load");
    }

    @Test
    void withoutAModelNoThumbnailsAreSampled() throws IOException, InterruptedException {
        List<String> lines = analyzeInAFreshJvm("--no-model");
        String report = lines.stream().filter(line -> line.startsWith("{")).findFirst().orElse("");
        assertTrue(report.contains("\"complexity_scores\":{"), "the report carries the metrics: " + report);
        assertFalse(report.contains("\"prediction\""), "no prediction without a model");
        assertFalse(lines.stream().anyMatch(line -> line.contains("io.shotscope.analysis.ThumbnailSampler ")
                        || line.contains("io.shotscope.ml.ShotFeatureExtractor$Extracted ")),
                "no thumbnails sampled, no model input extracted");
    }

    /** Runs {@code analyze --json} on 12 frames of a clip in a new JVM; its stdout and class-loading log. */
    private List<String> analyzeInAFreshJvm(String... flags) throws IOException, InterruptedException {
        Path home = Path.of("..").toAbsolutePath().normalize();
        Path stdout = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), ShotscopeCommand.class.getName(),
                "analyze", "--json", "--max-frames", "12"));
        command.addAll(List.of(flags));
        command.add(SharedClips.clip("bottle-detection.mp4").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put(ModelLocation.HOME_ENV, home.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "analyze did not finish");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("err.txt")));
        return Files.readAllLines(stdout);
    }
}
