package io.shotscope.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotModelTest {

    private static final Path DEFAULT_MODEL = Path.of("..", "models", "default");

    @Test
    void aRecalibratedModelWithTheSameWeightsHasAnotherVersion(@TempDir Path dir) throws IOException {
        for (String file : new String[] {"model.json", "shotscope-difficulty-0000.params"}) {
            Files.copy(DEFAULT_MODEL.resolve(file), dir.resolve(file));
        }
        String version = ShotModel.versionOf(dir);
        assertTrue(version.startsWith("shotscope-difficulty-1+"), version);
        assertEquals(version, ShotModel.versionOf(DEFAULT_MODEL), "the same files, the same version");

        String json = Files.readString(dir.resolve("model.json"));
        Files.writeString(dir.resolve("model.json"), json.replaceFirst("\"temperature\" : [0-9.]+", "\"temperature\" : 2.0"));
        assertNotEquals(version, ShotModel.versionOf(dir), "another temperature rates shots differently");
    }
}
