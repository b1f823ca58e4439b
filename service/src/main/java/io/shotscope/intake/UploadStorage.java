package io.shotscope.intake;

import io.shotscope.service.ShotscopeProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded plates on disk: {@code <data>/uploads/<shot id>/<safe name>}. The servlet container streams
 * the request body to {@code uploads/.incoming} (never whole in memory); storing it is a move on the
 * same disk.
 */
@Component
public class UploadStorage {

    static final int MAX_NAME_LENGTH = 120;
    static final String FALLBACK_NAME = "upload";

    private final Path uploads;

    public UploadStorage(ShotscopeProperties properties) throws IOException {
        this.uploads = properties.data().uploads().toAbsolutePath();
        Files.createDirectories(properties.data().incoming().toAbsolutePath());
    }

    /** Stores the uploaded file for a shot and returns its path. */
    public Path store(UUID shotId, MultipartFile file) {
        Path dir = uploads.resolve(shotId.toString());
        Path target = dir.resolve(safeName(file.getOriginalFilename()));
        try {
            Files.createDirectories(dir);
            file.transferTo(target);
            return target;
        } catch (IOException e) {
            delete(shotId);
            throw new UncheckedIOException("cannot store the upload of shot " + shotId + ": " + e.getMessage(), e);
        }
    }

    /** Removes a shot's uploaded files, if any. */
    public void delete(UUID shotId) {
        Path dir = uploads.resolve(shotId.toString());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the upload of shot " + shotId + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file name that is safe on any disk: the last segment of what the client sent, letters, digits,
     * dot, dash and underscore only, no leading dot, at most {@value #MAX_NAME_LENGTH} characters
     * (keeping the extension, which tells the decoder the format).
     */
    static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (name.length() > MAX_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME_LENGTH - ext.length()) + ext;
        }
        return name.isEmpty() ? FALLBACK_NAME : name;
    }
}
