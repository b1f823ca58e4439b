package io.shotscope.intake;

import io.shotscope.service.ShotscopeProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The folders {@code analyze-path} may read (shotscope.analyze-path.roots, else the drop folder). A path
 * is inside when its real location (after {@code ..} and symbolic links) is inside a root's real location;
 * for a sequence pattern ({@code shot.####.exr}) the folder holding the frames is what counts.
 */
@Component
public class AllowedRoots {

    private final List<Path> roots;

    public AllowedRoots(ShotscopeProperties properties) {
        this.roots = properties.allowedRoots().stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Throws PathNotAllowedException unless {@code input} is inside a root; returns its absolute form. */
    public String check(String input) {
        Path path;
        try {
            path = Path.of(input).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UnanalysableInputException(input + ": not a valid path");
        }
        Path real = realLocation(path);
        for (Path root : roots) {
            if (real.startsWith(realLocation(root))) {
                refuseSpecialFile(input, real);
                return path.toString();
            }
        }
        throw new PathNotAllowedException(input + " is outside the folders analyze-path may read ("
                + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
                + "; set shotscope.analyze-path.roots)");
    }

    /**
     * A FIFO would block the thread that opens it and a device never ends: only regular files and
     * folders are read. The type is read without following links (the path is already resolved) and
     * without opening anything.
     */
    private static void refuseSpecialFile(String input, Path real) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return; // missing: the plate reader says so
        }
        if (!attributes.isRegularFile() && !attributes.isDirectory()) {
            throw new UnanalysableInputException(input + ": not a regular file (a FIFO, device or socket)");
        }
    }

    /** The real path of the deepest existing ancestor, with the rest of the path appended. */
    private static Path realLocation(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
