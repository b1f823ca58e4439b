package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.testsupport.SharedClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synth, train, evaluate and analyze --model chained on a tiny budget, as a studio would run them. */
class TrainEvaluateCommandTest {

    @Test
    void synthTrainEvaluateAndPredictWorkTogether(@TempDir Path dir) throws Exception {
        Path shots = dir.resolve("shots");
        Path model = dir.resolve("model");
        Path cache = dir.resolve("cache");

        // seed 11 draws three shots of each class: the fewest every network can learn each class from
        AnalyzeCommandTest.Run synth = AnalyzeCommandTest.run("synth", "--out", shots.toString(), "--count", "9",
                "--seed", "11");
        assertEquals(0, synth.exitCode(), synth.err());
        assertTrue(Files.exists(shots.resolve("manifest.csv")));

        AnalyzeCommandTest.Run train = AnalyzeCommandTest.run("train", "--manifest", shots.resolve("manifest.csv").toString(),
                "--out", model.toString(), "--cache", cache.toString(), "--epochs", "2", "--validation", "0.34",
                "--networks", "3");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().contains("network 1/3  epoch 1/2") && train.err().contains("network 3/3  epoch 2/2"),
                "three networks, each with its epochs: " + train.err());
        assertTrue(train.err().contains("9 shots: 0 from the feature cache, 9 analysed"), train.err());
        assertTrue(train.err().contains("learning the artist-days"), "synth writes days, so auto learns them: "
                + train.err());
        for (String file : new String[] {"model.json", "MODEL_CARD.md", "baseline.json"}) {
            assertTrue(Files.exists(model.resolve(file)), file);
        }
        for (String weights : new String[] {"shotscope-difficulty-0000.params", "shotscope-difficulty-net2-0000.params",
            "shotscope-difficulty-net3-0000.params"}) {
            assertTrue(Files.exists(model.resolve(weights)), weights);
        }
        assertTrue(train.out().contains("3 networks, best epochs "), train.out());
        String card = Files.readString(model.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("- Networks: 3, their logits averaged"), card);
        assertTrue(card.contains("## Evaluation on the calibration split"), card);
        assertTrue(card.matches(
                "(?s).*- Days intercept refitted by [+-]\\d\\.\\d{3}(, [+-]\\d\\.\\d{3}){2} days after training.*"), card);

        Path eval = dir.resolve("eval");
        AnalyzeCommandTest.Run evaluate = AnalyzeCommandTest.run("evaluate", "--manifest",
                shots.resolve("manifest.csv").toString(), "--model", model.toString(), "--cache", cache.toString(),
                "--out", eval.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains("9 shots: 9 from the feature cache, 0 analysed"), evaluate.err());
        for (String file : new String[] {"evaluation.json", "confusion-matrix.png", "reliability-diagram.png",
            "predictions.csv", "baseline/evaluation.json", "baseline/predictions.csv"}) {
            assertTrue(Files.exists(eval.resolve(file)), file);
        }
        List<String> predictions = Files.readAllLines(eval.resolve("predictions.csv"));
        assertEquals(10, predictions.size(), "a header and one row per shot");
        assertTrue(predictions.get(1).startsWith("shot_00001.mkv,"), "named as the manifest names it: " + predictions.get(1));
        assertTrue(predictions.get(0).endsWith(",days,estimated_days"), predictions.get(0));
        assertTrue(predictions.get(1).matches(".*,[0-9.]+,-?[0-9.]+"), "the shot's days and the estimate: " + predictions.get(1));
        assertTrue(Files.readAllLines(eval.resolve("baseline/predictions.csv")).get(1).endsWith(","),
                "the baseline estimates no days");
        assertTrue(evaluate.out().contains("macro-F1"), evaluate.out());
        assertTrue(evaluate.out().contains("artist-days estimated"), evaluate.out());

        AnalyzeCommandTest.Run analyze = AnalyzeCommandTest.run("analyze", "--json", "--max-frames", "40", "--model",
                model.toString(), SharedClips.clip("asl-thanks.mkv").toString());
        assertEquals(0, analyze.exitCode(), analyze.err());
        JsonNode prediction = new ObjectMapper().readTree(analyze.out()).get("prediction");
        assertTrue(prediction.get("class").asText().matches("Easy|Medium|Hard"), prediction.toString());
        double sum = 0;
        for (String c : new String[] {"Easy", "Medium", "Hard"}) {
            sum += prediction.get("probabilities").get(c).asDouble();
        }
        assertEquals(1.0, sum, 1e-3);
        assertEquals(prediction.get("probabilities").get(prediction.get("class").asText()).asDouble(),
                prediction.get("confidence").asDouble(), 1e-9);
        assertTrue(new ObjectMapper().readTree(analyze.out()).get("explanation").size() > 0, analyze.out());
        assertTrue(prediction.get("days").isNumber(), "a model that learned days estimates them: " + prediction);

        // the same shots with labels only: auto learns the labels, and --target days is refused in one line
        Path labelsOnly = shots.resolve("labels.csv");
        Files.write(labelsOnly, Files.readAllLines(shots.resolve("manifest.csv")).stream()
                .map(line -> line.split(",")[0] + "," + line.split(",")[1]).toList());
        AnalyzeCommandTest.Run onLabels = AnalyzeCommandTest.run("train", "--manifest", labelsOnly.toString(),
                "--out", dir.resolve("labels-model").toString(), "--cache", cache.toString(), "--epochs", "1",
                "--validation", "0.34");
        assertEquals(0, onLabels.exitCode(), onLabels.err());
        assertTrue(onLabels.err().contains("learning the labels"), onLabels.err());
        assertTrue(onLabels.err().contains("training one network on ") && !onLabels.err().contains("network 1/"),
                "one network by default: " + onLabels.err());
        assertTrue(Files.exists(dir.resolve("labels-model").resolve("shotscope-difficulty-0000.params"))
                && !Files.exists(dir.resolve("labels-model").resolve("shotscope-difficulty-net2-0000.params")));
        AnalyzeCommandTest.Run refused = AnalyzeCommandTest.run("train", "--manifest", labelsOnly.toString(),
                "--out", dir.resolve("days-model").toString(), "--cache", cache.toString(), "--target", "days");
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("error: --target days needs a days column"), refused.err());
    }

    @Test
    void missingModelDirectoryIsAUsageError(@TempDir Path dir) {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--model", dir.resolve("nope").toString(),
                SharedClips.clip("asl-thanks.mkv").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: model "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aNegativeWeightDecayIsAUsageError(@TempDir Path dir) {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("train", "--manifest", dir.resolve("shots.csv").toString(),
                "--out", dir.resolve("model").toString(), "--weight-decay", "-0.001");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--weight-decay not negative"), run.err());
    }

    @Test
    void severalNetworksWithoutACalibrationSplitAreAUsageError(@TempDir Path dir) {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("train", "--manifest", dir.resolve("shots.csv").toString(),
                "--out", dir.resolve("model").toString(), "--networks", "2", "--calibration", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("1 with --calibration 0"), run.err());
        assertFalse(Files.exists(dir.resolve("model")));
    }

    @Test
    void aClassWithTooFewShotsIsOneErrorLineBeforeAnyTraining(@TempDir Path dir) throws Exception {
        Path manifest = relabelled(dir, 7, "Easy", "Easy", "Easy", "Medium", "Medium", "Medium", "Hard");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("train", "--manifest", manifest.toString(),
                "--out", dir.resolve("model").toString(), "--cache", dir.resolve("cache").toString(), "--epochs", "1");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("error: " + manifest + ": too few shots to train on: every Hard (1) shot is held "
                + "out for validation or calibration"), run.err());
        assertEquals(1, run.err().lines().filter(line -> line.startsWith("error:")).count(), run.err());
        assertFalse(run.err().contains("epoch") || run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(dir.resolve("model").resolve("model.json")));
    }

    @Test
    void aClassNoShotHasIsWarnedAboutAndTheModelStillTrains(@TempDir Path dir) throws Exception {
        Path manifest = relabelled(dir, 6, "Easy", "Easy", "Easy", "Medium", "Medium", "Medium");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("train", "--manifest", manifest.toString(),
                "--out", dir.resolve("model").toString(), "--cache", dir.resolve("cache").toString(), "--epochs", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: " + manifest + ": no Hard shots among the 6: the model will not learn "
                + "what makes a shot Hard"), run.err());
        assertTrue(Files.exists(dir.resolve("model").resolve("model.json")));
    }

    @Test
    void aWriteThatFailsMidRunIsOneErrorLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path manifest = relabelled(dir, 1, "Easy");
        Path eval = Files.createDirectories(dir.resolve("eval"));
        Files.writeString(eval.resolve("baseline"), "a file where the baseline's folder goes");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("evaluate", "--manifest", manifest.toString(),
                "--model", ModelLocation.defaultModel().toString(), "--cache", dir.resolve("cache").toString(),
                "--out", eval.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(Files.exists(eval.resolve("evaluation.json")), "the model's figures were written first");
        String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("error: " + eval.resolve("baseline")), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }

    @Test
    void everyUnreadableShotIsListedInOneRunBeforeTheCount(@TempDir Path dir) throws Exception {
        Path manifest = relabelled(dir, 3, "Easy", "Medium", "Hard");
        Files.writeString(manifest.resolveSibling("notes.mov"), "not a movie");
        Files.writeString(manifest, "notes.mov,Easy\nabsent.mov,Hard\n", StandardOpenOption.APPEND);

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("train", "--manifest", manifest.toString(),
                "--out", dir.resolve("model").toString(), "--cache", dir.resolve("cache").toString(), "--epochs", "1");

        assertEquals(1, run.exitCode(), run.err());
        List<String> errors = run.err().lines().filter(line -> line.startsWith("error: ")).toList();
        assertEquals(3, errors.size(), run.err());
        assertTrue(errors.get(0).contains("notes.mov (manifest line 5): "), errors.get(0));
        assertTrue(errors.get(1).contains("absent.mov (manifest line 6): "), errors.get(1));
        assertTrue(errors.get(2).startsWith("error: 2 of 5 shots could not be read"), errors.get(2));
        assertFalse(run.err().contains("epoch"), run.err());
    }

    @Test
    void theSameFootageUnderTwoNamesIsWarnedAboutAndEvaluatedTwice(@TempDir Path dir) throws Exception {
        Path manifest = relabelled(dir, 1, "Easy");
        Files.createSymbolicLink(manifest.resolveSibling("SH0020.mkv"), manifest.resolveSibling("shot_00001.mkv"));
        Files.writeString(manifest, "SH0020.mkv,Easy\n", StandardOpenOption.APPEND);

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("evaluate", "--manifest", manifest.toString(),
                "--model", ModelLocation.defaultModel().toString(), "--cache", dir.resolve("cache").toString(),
                "--out", dir.resolve("eval").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: manifest line 3 (" + manifest.resolveSibling("SH0020.mkv")
                + ") is the same footage as line 2 (" + manifest.resolveSibling("shot_00001.mkv") + "): both are kept"),
                run.err());
        assertTrue(run.out().contains("model    shots 2 "), run.out());
    }

    /** {@code count} tiny synthetic shots listed with the given labels instead of the rubric's. */
    private static Path relabelled(Path dir, int count, String... labels) throws Exception {
        Path shots = dir.resolve("shots");
        AnalyzeCommandTest.Run synth = AnalyzeCommandTest.run("synth", "--out", shots.toString(), "--count",
                String.valueOf(count), "--seed", "5");
        assertEquals(0, synth.exitCode(), synth.err());
        List<String> lines = new ArrayList<>(List.of("path,label"));
        for (int i = 0; i < count; i++) {
            lines.add(String.format("shot_%05d.mkv,%s", i + 1, labels[i]));
        }
        return Files.write(shots.resolve("relabelled.csv"), lines);
    }

    @Test
    void noModelLeavesThePredictionOut() throws Exception {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--json", "--no-model", "--max-frames", "5",
                SharedClips.clip("asl-thanks.mkv").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(new ObjectMapper().readTree(run.out()).get("prediction") == null);
    }
}
