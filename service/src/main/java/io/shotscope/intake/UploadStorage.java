package io.shotscope.intake;

import io.shotscope.service.ShotscopeProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
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

    /** The longest stored name in bytes of UTF-8: what every common file system allows. */
    static final int MAX_NAME_BYTES = 255;
    /** Longer client names are refused outright rather than cut. */
    static final int MAX_CLIENT_NAME_LENGTH = 4096;
    static final String FALLBACK_NAME = "upload";

    private final Path uploads;

    public UploadStorage(ShotscopeProperties properties) throws IOException {
        this.uploads = properties.data().uploads().toAbsolutePath();
        Files.createDirectories(properties.data().incoming().toAbsolutePath());
    }

    /** Stores the uploaded file for a shot and returns its path. */
    public Path store(UUID shotId, MultipartFile file) {
        Path dir = uploads.resolve(shotId.toString());
        Path target = dir.resolve(safeName(checkedClientName(file.getOriginalFilename())));
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
     * Refuses (422, nothing stored) a client file name no real file has: control characters (NUL,
     * newline, escape ...) or an absurd length. The reason does not repeat the name.
     */
    static String checkedClientName(String original) {
        if (original == null) {
            return null;
        }
        if (original.length() > MAX_CLIENT_NAME_LENGTH) {
            throw new UnanalysableInputException("upload: the file name is longer than " + MAX_CLIENT_NAME_LENGTH
                    + " characters");
        }
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isISOControl(c)) {
                throw new UnanalysableInputException(String.format(
                        "upload: the file name holds a control character (U+%04X)", (int) c));
            }
        }
        return original;
    }

    /**
     * A file name that is safe on any disk: the last segment of what the client sent in Unicode NFC,
     * letters (any script), digits, marks, dot, dash and underscore only, no run of dots, no leading
     * dot, at most {@value #MAX_NAME_BYTES} bytes of UTF-8 (keeping the extension, which tells the
     * decoder the format).
     */
    static String safeName(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{M}\\p{Nd}._-]", "_").replaceAll("\\.{2,}", ".")
                .replaceAll("^[.]+", "");
        if (utf8Length(name) > MAX_NAME_BYTES) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String stem = name.substring(0, name.length() - ext.length());
            while (utf8Length(stem) + utf8Length(ext) > MAX_NAME_BYTES) {
                stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
            }
            name = stem + ext;
        }
        return name.isEmpty() ? FALLBACK_NAME : name;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
