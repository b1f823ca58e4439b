package io.shotscope.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real footage in ../shared/clips, found from any module's working directory. */
public final class SharedClips {
    private SharedClips() {
    }

    /** The clips folder, or the test is skipped with the reason when it is not there (CI always has it). */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("clips");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("../shared/clips is missing: CI must have the shared footage");
        }
        Assumptions.abort("SKIPPED: ../shared/clips not found beside the project");
        return null;
    }

    public static Path clip(String name) {
        return dir().resolve(name);
    }
}
