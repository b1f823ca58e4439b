package io.shotscope.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.ml.ModelMetadata;
import io.shotscope.ml.ShotClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotModelTest {

    private static final Path DEFAULT_MODEL = Path.of("..", "models", "default");

    @Test
    void aRecalibratedModelWithTheSameWeightsHasAnotherVersion(@TempDir Path dir) throws IOException {
        copyDefaultModel(dir);
        String version = ShotModel.versionOf(dir);
        assertTrue(version.startsWith("shotscope-difficulty-1+"), version);
        assertEquals(version, ShotModel.versionOf(DEFAULT_MODEL), "the same files, the same version");

        String json = Files.readString(dir.resolve("model.json"));
        Files.writeString(dir.resolve("model.json"), json.replaceFirst("\"temperature\" : [0-9.]+", "\"temperature\" : 2.0"));
        assertNotEquals(version, ShotModel.versionOf(dir), "another temperature rates shots differently");
    }

    @Test
    void theLastNetworksWeightsEnterTheVersion(@TempDir Path dir) throws IOException {
        List<Path> weights = copyDefaultModel(dir);
        String version = ShotModel.versionOf(dir);
        Path last = weights.get(weights.size() - 1);
        byte[] bytes = Files.readAllBytes(last);
        bytes[bytes.length - 1] ^= 1;
        Files.write(last, bytes);
        assertNotEquals(version, ShotModel.versionOf(dir),
                "other weights in " + last.getFileName() + " rate shots differently");
    }

    /** Copies the default model's metadata and weights into {@code dir}; returns the weights files, in network order. */
    private static List<Path> copyDefaultModel(Path dir) throws IOException {
        Files.copy(DEFAULT_MODEL.resolve(ShotClassifier.METADATA_FILE), dir.resolve(ShotClassifier.METADATA_FILE));
        ModelMetadata metadata = new ObjectMapper().readValue(dir.resolve(ShotClassifier.METADATA_FILE).toFile(),
                ModelMetadata.class);
        List<Path> copies = ShotClassifier.weightsFiles(dir, metadata);
        for (Path copy : copies) {
            Files.copy(DEFAULT_MODEL.resolve(copy.getFileName()), copy);
        }
        return copies;
    }
}
