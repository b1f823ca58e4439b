package io.shotscope.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the committed default model lives: {@code models/default} in the shotscope folder. */
final class ModelLocation {

    /** Set by the launcher to the project folder. */
    static final String HOME_ENV = "SHOTSCOPE_HOME";
    static final String DEFAULT_MODEL = "models/default";

    private ModelLocation() {
    }

    /** The default model folder, or null when it cannot be found. */
    static Path defaultModel() {
        String home = System.getenv(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return existing(Path.of(home).resolve(DEFAULT_MODEL));
        }
        try {
            // cli/target/shotscope-cli.jar or cli/target/classes: three levels up is the project folder
            Path code = Path.of(ModelLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            return root == null || root.getParent() == null ? null : existing(root.getParent().resolve(DEFAULT_MODEL));
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    private static Path existing(Path dir) {
        return Files.isDirectory(dir) ? dir : null;
    }
}
