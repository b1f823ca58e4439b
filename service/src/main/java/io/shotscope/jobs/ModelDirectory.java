package io.shotscope.jobs;

import io.shotscope.service.ShotscopeProperties;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the model is: {@code shotscope.model.dir}, else {@code models/default} in the shotscope folder
 * (SHOTSCOPE_HOME, set by the launcher), else {@code models/default} three levels above this code
 * ({@code service/target/classes} or {@code service/target/shotscope-service.jar}), as the CLI finds it.
 */
final class ModelDirectory {

    static final String DEFAULT_MODEL = "models/default";

    private ModelDirectory() {
    }

    /** The model folder, or null when shots are not to be rated (none configured and no default found). */
    static Path find(ShotscopeProperties properties) {
        ShotscopeProperties.Model model = properties.model();
        if (model.disabled()) {
            return null;
        }
        if (model.dir() != null && !model.dir().isBlank()) {
            Path dir = Path.of(model.dir());
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("shotscope.model.dir: no such folder: " + dir);
            }
            return dir;
        }
        if (properties.home() != null) {
            return existing(properties.home().resolve(DEFAULT_MODEL));
        }
        try {
            Path code = Path.of(ModelDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = code.getParent() == null ? null : code.getParent().getParent();
            return module == null || module.getParent() == null ? null
                    : existing(module.getParent().resolve(DEFAULT_MODEL));
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    private static Path existing(Path dir) {
        return Files.isDirectory(dir) ? dir : null;
    }
}
