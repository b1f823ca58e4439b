package io.shotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A command's {@code --out} folder, made and checked before any long work starts, so a typo is
 * reported in the first second rather than after an hour of analysis or training.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Prepares {@code dir}; when it cannot be written, prints {@code error: --out DIR: reason} and
     * returns false.
     */
    static boolean ready(Path dir, PrintWriter err) {
        String unwritable = prepare(dir);
        if (unwritable != null) {
            err.println("error: --out " + dir + ": " + unwritable);
            err.flush();
        }
        return unwritable == null;
    }

    /**
     * Creates {@code dir} (and its parents) and checks that a file can be written in it.
     *
     * @return null when the folder is ready, else why not, in a few words
     */
    static String prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "exists and is not a folder";
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".shotscope-write-check", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return reason(e);
        }
    }

    /** A file-system failure in a few words, without repeating the path the caller already names. */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
