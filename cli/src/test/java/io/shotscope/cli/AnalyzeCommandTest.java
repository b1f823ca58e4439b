package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.metrics.MetricRegistry;
import io.shotscope.testsupport.GrayClip;
import io.shotscope.testsupport.SharedClips;
import io.shotscope.testsupport.SyntheticPlates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {

    private static final List<String> REPORT_KEYS = List.of("input", "sha256", "frames", "first_frame", "fps", "width",
            "height", "duration_s", "complexity_scores", "metrics", "analyzer_version", "timings_ms");
    private static final List<String> METRICS = MetricRegistry.keys();

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ShotscopeCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonPrintsOneReportLinePerPlateWithEveryField() throws Exception {
        String clip = SharedClips.clip("asl-thanks.mkv").toString();
        Run run = run("analyze", "--json", "--max-frames", "20", clip, clip);

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode report = new ObjectMapper().readTree(lines[0]);
        for (String key : REPORT_KEYS) {
            assertTrue(report.has(key), "missing " + key + " in " + lines[0]);
        }
        assertEquals(METRICS, iterableToList(report.get("complexity_scores").fieldNames()));
        for (String metric : METRICS) {
            JsonNode m = report.get("metrics").get(metric);
            for (String stat : List.of("mean", "std", "max", "p95", "frame_scores")) {
                assertTrue(m.has(stat), metric + " lacks " + stat);
            }
            assertEquals(20, m.get("frame_scores").size());
        }
        assertEquals(20, report.get("frames").asInt());
        assertEquals(640, report.get("width").asInt());
        assertEquals(64, report.get("sha256").asText().length());
    }

    @Test
    void aFailedPlateGivesOneErrorLineAndExitOneWhileOthersAreStillWritten(@TempDir Path dir) throws Exception {
        String good = SharedClips.clip("asl-thanks.mkv").toString();
        String missing = dir.resolve("nope.mov").toString();
        Path out = dir.resolve("reports");

        Run run = run("analyze", "--out", out.toString(), "--max-frames", "5", missing, good);

        assertEquals(1, run.exitCode());
        assertEquals("error: " + missing + ": no such file", run.err().strip());
        assertTrue(Files.exists(out.resolve("asl-thanks.json")));
        assertFalse(Files.exists(out.resolve("nope.json")));
        try (var files = Files.list(out)) {
            assertEquals(1, files.count(), "only the good plate's report, no temporary files");
        }
    }

    @Test
    void aPlateSmallerThanOneMotionBlockIsRatedAndTheNextPlateStillAnalysed(@TempDir Path dir) throws Exception {
        // a bright square crossing noise on 40x28 frames: regions move, but no 32-pixel motion block fits
        Random random = new Random(3);
        GrayClip clip = GrayClip.constant(40, 28, 10, 0).map((i, px, w, h) -> {
            for (int p = 0; p < px.length; p++) {
                boolean square = p % w >= 3 * i && p % w < 3 * i + 8 && p / w >= 4 && p / w < 12;
                px[p] = (byte) (square ? 250 : 60 + random.nextInt(40));
            }
            return px;
        });
        Path tiny = SyntheticPlates.losslessMovie(dir.resolve("tiny.mkv"), clip);

        Run run = run("analyze", "--json", "--max-frames", "10", tiny.toString(),
                SharedClips.clip("asl-thanks.mkv").toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> reports = run.out().lines().toList();
        assertEquals(2, reports.size(), run.out());
        for (String report : reports) {
            assertTrue(new ObjectMapper().readTree(report).get("prediction").get("class").isTextual(), report);
        }
    }

    @Test
    void aFolderOfMoviesIsAnalysedMovieByMovie(@TempDir Path dir) throws Exception {
        Path originals = Files.createDirectories(dir.resolve("originals"));
        Files.createSymbolicLink(originals.resolve("B001.mkv"), SharedClips.clip("asl-thanks.mkv"));
        Files.createSymbolicLink(originals.resolve("A001.mp4"), SharedClips.clip("bottle-detection.mp4"));
        Files.writeString(originals.resolve("notes.txt"), "camera report");

        Run run = run("analyze", "--json", "--no-model", "--max-frames", "5", originals.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(originals + ": a folder of 2 movies, each analysed as its own plate"), run.err());
        List<String> stems = new ArrayList<>();
        for (String report : run.out().lines().toList()) {
            stems.add(new ObjectMapper().readTree(report).get("stem").asText());
        }
        assertEquals(List.of("A001", "B001"), stems, "one report per movie, by name");
    }

    @Test
    void badInputNeverPrintsAStackTrace(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.mov");
        Files.writeString(text, "this is not a movie\n".repeat(100));

        Run run = run("analyze", text.toString());

        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + text + ": "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void committedDefaultModelRatesAndExplainsTheShotWithoutFlags() throws Exception {
        Run run = run("analyze", "--json", "--max-frames", "60", SharedClips.clip("bottle-detection.mp4").toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        JsonNode prediction = report.get("prediction");
        assertTrue(prediction != null, "no prediction from the default model: " + run.out());
        assertEquals("shotscope-difficulty", prediction.get("model").get("name").asText());
        assertTrue(prediction.get("model").get("version").asText().matches("1\\+[0-9a-f]{12}"),
                "the version names the model's files: " + prediction);
        assertTrue(prediction.get("confidence").asDouble() > 0.33, prediction.toString());
        // the default model learned the rubric's days, so it estimates them: an Easy locked-off plate, under 4.5
        double days = prediction.get("days").asDouble();
        assertTrue(days > 0 && days < 4.5, prediction.toString());
        JsonNode explanation = report.get("explanation");
        assertTrue(explanation.size() >= 1 && explanation.size() <= 3, explanation.toString());
        assertTrue(METRICS.contains(explanation.get(0).get("metric").asText()), explanation.toString());
        // a model that estimates days is explained by the days each factor adds, most first
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode factor : explanation) {
            assertTrue(factor.get("level").asText().matches("high|low"), explanation.toString());
            double added = factor.get("days").asDouble();
            assertTrue(Math.abs(added) <= Math.abs(previous), explanation.toString());
            previous = added;
        }
        assertTrue(explanation.get(0).get("days").asDouble() != 0, explanation.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("analyze").exitCode());
        assertEquals(2, run("analyze", "--stride", "0", "x.mov").exitCode());
        assertEquals(2, run("analyze", "--threads", "0", "x.mov").exitCode());
        assertEquals(2, run("analyze", "--no-such-flag", "x.mov").exitCode());
        assertEquals(2, run().exitCode());
    }

    @Test
    void helpCountsAndNamesEveryFactorTheAnalyserMeasures() {
        String factors = METRICS.size() + " complexity factors (" + String.join(", ", METRICS) + ")";
        for (String[] help : List.of(new String[] {"--help"}, new String[] {"analyze", "--help"})) {
            Run run = run(help);

            assertEquals(0, run.exitCode(), run.err());
            String text = run.out().replaceAll("\\s+", " ");
            assertTrue(text.contains(factors), text);
            assertFalse(text.contains(ShotscopeCommand.FACTORS), text);
        }
    }

    @Test
    void withoutJsonOrOutATableIsPrinted() {
        Run run = run("analyze", "--max-frames", "3", SharedClips.clip("asl-thanks.mkv").toString());

        assertEquals(0, run.exitCode(), run.err());
        for (String metric : METRICS) {
            assertTrue(run.out().contains(metric), run.out());
        }
        // the default model's rating, its probabilities in fixed notation, and the days it estimates
        assertTrue(run.out().matches("(?s).*prediction: (Easy|Medium|Hard) \\(confidence [0-9.]+; "
                + "Easy [01]\\.\\d{4}, Medium [01]\\.\\d{4}, Hard [01]\\.\\d{4}\\).*"), run.out());
        assertTrue(run.out().matches("(?s).*estimated effort: \\d+\\.\\d artist-days.*"), run.out());
        // and what adds those days, factor by factor
        assertTrue(run.out().matches("(?s).*driven by: (high|low) [a-z_]+ [+-]\\d+\\.\\d\\d days.*"), run.out());
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
