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
import java.util.concurrent.Callable;

/**
 * A command's {@code --out} folder, made and checked before any long work starts, so a typo is
 * reported in the first second rather than after an hour of analysis or training.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Runs a command's work, whose results go to {@code dir}. When the work fails (a non-zero exit or an
     * exception) and leaves the folder empty, the folders this run made for it are removed again, so a run
     * refused after its {@code --out} check (unreadable plates, too few shots, a broken model) leaves no
     * empty folder behind. A folder that was there before is never removed.
     *
     * @param dir the {@code --out} folder, or null when the command writes none
     */
    static int tidiedAfter(Path dir, Callable<Integer> work) throws Exception {
        Path absolute = dir == null ? null : dir.toAbsolutePath().normalize();
        Path firstMade = absolute == null ? null : firstMissing(absolute);
        boolean succeeded = false;
        try {
            int exitCode = work.call();
            succeeded = exitCode == 0;
            return exitCode;
        } finally {
            if (!succeeded && firstMade != null) {
                removeEmpty(absolute, firstMade);
            }
        }
    }

    /** The outermost of {@code dir} and its parents that does not exist yet, or null when {@code dir} exists. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Deletes {@code dir} and its parents up to {@code top} while they are empty folders. */
    private static void removeEmpty(Path dir, Path top) {
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                if (!Files.isDirectory(p)) {
                    return;
                }
                Files.delete(p);
            } catch (IOException notEmpty) {
                return;
            }
        }
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
