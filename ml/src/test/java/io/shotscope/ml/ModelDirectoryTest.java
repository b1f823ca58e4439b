package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shotscope.analysis.ShotAnalyzer;
import io.shotscope.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    @TempDir
    Path dir;

    @BeforeEach
    void engine() {
        EngineAvailable.require();
    }

    @Test
    void savedModelLoadsBackWithTheSamePredictions() throws IOException {
        List<LabelledShot> shots = SyntheticShots.generate(6, ShotFeatures.FRAMES, 11);
        ModelMetadata metadata = ModelMetadata.current(
                ShotFeatures.FRAMES, Normalisation.fit(shots), 1.7, NetworkConfig.DEFAULT, 5);
        ModelCard card = new ModelCard("six synthetic shots", 6, 0, 5, "2025-01-01",
                TrainingConfig.DEFAULT.withWeightDecay(1e-4f), null, "validation split", null, null);
        List<ShotFeatures> features = Trainer.features(shots);
        List<double[]> before;
        try (ShotClassifier classifier = ShotClassifier.untrained(metadata)) {
            before = classifier.probabilities(features);
            classifier.save(dir, card);
        }
        assertTrue(Files.isRegularFile(dir.resolve("model.json")));
        String modelCard = Files.readString(dir.resolve("MODEL_CARD.md"));
        assertTrue(modelCard.contains("six synthetic shots"), modelCard);
        assertTrue(modelCard.contains("weight decay 1.0E-4"), modelCard);
        assertTrue(modelCard.contains("dropout 0.5; learned the labels"), modelCard);
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes < 1_000_000, "model directory should stay under 1 MB, is " + bytes);
        System.out.println("model directory size: " + bytes + " bytes");

        assertFalse(Files.readString(dir.resolve("model.json")).contains("\"days\""), "a labels model has no days scale");
        try (ShotClassifier loaded = ShotClassifier.load(dir)) {
            assertEquals(metadata.temperature(), loaded.metadata().temperature());
            assertArrayEquals(metadata.normalisation().mean(), loaded.metadata().normalisation().mean());
            assertNull(loaded.metadata().days());
            assertNull(loaded.predict(features.get(0)).days(), "a labels model estimates no days");
            List<double[]> after = loaded.probabilities(features);
            for (int i = 0; i < features.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 1e-5);
            }
        }
    }

    @Test
    void aDaysModelKeepsItsDaysScale() throws IOException {
        List<LabelledShot> shots = SyntheticShots.generate(3, ShotFeatures.FRAMES, 12);
        DaysScale scale = new DaysScale(5.5, 2.75, -0.35, 0.55);
        ModelMetadata metadata = ModelMetadata.current(
                ShotFeatures.FRAMES, Normalisation.fit(shots), 1.2, NetworkConfig.DEFAULT, 5).withDays(scale);
        try (ShotClassifier classifier = ShotClassifier.untrained(metadata)) {
            classifier.save(dir, null);
        }
        try (ShotClassifier loaded = ShotClassifier.load(dir)) {
            assertEquals(scale, loaded.metadata().days());
            ShotFeatures shot = Trainer.features(shots).get(0);
            float[] logits = loaded.logits(List.of(shot))[0];
            assertEquals(scale.estimate(logits), loaded.predict(shot).days(), 1e-9);
        }
    }

    @Test
    void aModelOfSeveralNetworksSavesEachAndRatesFromTheirAverage() throws IOException {
        List<LabelledShot> shots = SyntheticShots.generate(4, ShotFeatures.FRAMES, 13);
        List<ShotFeatures> features = Trainer.features(shots);
        ModelMetadata metadata = ModelMetadata.current(
                ShotFeatures.FRAMES, Normalisation.fit(shots), 1.3, NetworkConfig.DEFAULT, 5);
        float[][] averaged;
        try (ShotClassifier first = ShotClassifier.untrained(metadata);
                ShotClassifier second = ShotClassifier.untrained(ModelMetadata.current(
                        ShotFeatures.FRAMES, Normalisation.fit(shots), 1.3, NetworkConfig.DEFAULT, 6))) {
            float[][] one = first.logits(features);
            float[][] two = second.logits(features);
            // not closed itself: it holds the two classifiers' models, which they close
            ShotClassifier both = ShotClassifier.onEngine(List.of(first.model(), second.model()), metadata);
            assertEquals(2, both.metadata().networks());
            averaged = both.logits(features);
            for (int i = 0; i < features.size(); i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals((one[i][c] + two[i][c]) / 2, averaged[i][c], 1e-6);
                }
            }
            both.save(dir, null);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("shotscope-difficulty-0000.params", "shotscope-difficulty-net2-0000.params"),
                    files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".params")).sorted().toList());
        }
        try (ShotClassifier plain = ShotClassifier.load(dir); ShotClassifier engine = ShotClassifier.loadOnEngine(dir)) {
            assertEquals(2, plain.metadata().networks());
            float[][] fromJava = plain.logits(features);
            float[][] fromEngine = engine.logits(features);
            for (int i = 0; i < features.size(); i++) {
                assertArrayEquals(averaged[i], fromJava[i], 1e-4f);
                assertArrayEquals(averaged[i], fromEngine[i], 1e-6f);
            }
        }
        Files.delete(dir.resolve("shotscope-difficulty-net2-0000.params"));
        IOException e = assertThrows(IOException.class, () -> ShotClassifier.load(dir));
        assertTrue(e.getMessage().contains("network 2 of 2") && e.getMessage().contains("net2-0000.params"),
                e.getMessage());
    }

    @Test
    void aModelSavedBeforeSeveralNetworksLoadsAsOne() throws IOException {
        saveUntrained();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        assertEquals(1, root.get("networks").asInt());
        root.remove("networks");
        json.writeValue(dir.resolve("model.json").toFile(), root);
        try (ShotClassifier loaded = ShotClassifier.load(dir)) {
            assertEquals(1, loaded.metadata().networks());
        }
    }

    @Test
    void aLoadedModelCarriesTheDigestOfItsFilesInItsVersion() throws IOException {
        saveUntrained();
        String version;
        try (ShotClassifier loaded = ShotClassifier.load(dir)) {
            version = loaded.version();
        }
        assertTrue(version.matches("1\\+[0-9a-f]{12}"), version);
        assertEquals(version, ShotClassifier.versionOf(dir));

        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        root.put("temperature", 2.0);
        json.writeValue(dir.resolve("model.json").toFile(), root);
        try (ShotClassifier loaded = ShotClassifier.load(dir)) {
            assertNotEquals(version, loaded.version(), "another temperature rates shots differently");
        }
        saveUntrained();
        try (ShotClassifier loaded = ShotClassifier.loadOnEngine(dir)) {
            assertEquals(version, loaded.version(), "the same files on the engine");
        }
    }

    @Test
    void savingAgainReplacesTheWeightsInsteadOfAddingAFile() throws IOException {
        saveUntrained();
        saveUntrained();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("shotscope-difficulty-0000.params"), files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".params")).toList());
        }
    }

    @Test
    void modelForOtherMetricsIsRefusedWithExpectedAndFound() throws IOException {
        saveUntrained();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        ArrayNode metrics = (ArrayNode) root.get("metrics");
        metrics.remove(metrics.size() - 1);
        metrics.add("sharpness");
        json.writeValue(dir.resolve("model.json").toFile(), root);

        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> ShotClassifier.load(dir));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("sharpness"), e.getMessage());
        assertTrue(e.getMessage().contains(MetricRegistry.keys().toString()), e.getMessage());
    }

    @Test
    void modelFromAnotherAnalyserMajorVersionIsRefused() throws IOException {
        saveUntrained();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        root.put("analyserVersion", "99.0.0");
        json.writeValue(dir.resolve("model.json").toFile(), root);

        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> ShotClassifier.load(dir));
        assertTrue(e.getMessage().contains("99.0.0") && e.getMessage().contains(ShotAnalyzer.VERSION), e.getMessage());
    }

    @Test
    void beforeOnePointZeroAModelFromAnotherMinorVersionIsRefused() throws IOException {
        saveUntrained();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        root.put("analyserVersion", "0.99.0"); // before 1.0, a minor version may change what a metric means
        json.writeValue(dir.resolve("model.json").toFile(), root);

        IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> ShotClassifier.load(dir));
        assertTrue(e.getMessage().contains("0.99.0") && e.getMessage().contains("retrain"), e.getMessage());
        String expected = ShotAnalyzer.VERSION.substring(0, ShotAnalyzer.VERSION.lastIndexOf('.')) + ".x";
        assertTrue(e.getMessage().contains("expected " + expected + " "), e.getMessage());
    }

    @Test
    void aBrokenModelJsonIsNamedWithItsLineAndColumnInOneLine() throws IOException {
        saveUntrained();
        Files.writeString(dir.resolve("model.json"), "{\n  \"formatVersion\": 1,\n  oops\n}\n");

        IOException e = assertThrows(IOException.class, () -> ShotClassifier.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("model.json") + ": not valid JSON for a shotscope model (line 3, "
                + "column "), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\\n"), "one line: " + e.getMessage());
        assertEquals(e.getMessage(), assertThrows(IOException.class, () -> ShotClassifier.versionOf(dir)).getMessage());
    }

    private void saveUntrained() throws IOException {
        try (ShotClassifier classifier = SyntheticShots.untrained(5)) {
            classifier.save(dir, null);
        }
    }
}
