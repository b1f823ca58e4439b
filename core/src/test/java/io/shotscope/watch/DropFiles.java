package io.shotscope.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Files for drop-folder tests: only names, sizes and times matter to the watcher, so bytes will do. */
final class DropFiles {

    private DropFiles() {
    }

    /** Writes {@code size} bytes, creating the folders on the way. */
    static Path write(Path file, int size) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[size]);
    }

    /** Appends {@code size} bytes, as a copy in progress does. */
    static Path append(Path file, int size) throws IOException {
        return Files.write(file, new byte[size], StandardOpenOption.APPEND);
    }

    /** Writes frames {@code first .. first+count-1} of {@code namePattern} (e.g. {@code "plate.%04d.exr"}). */
    static void frames(Path dir, String namePattern, int first, int count, int size) throws IOException {
        for (int n = first; n < first + count; n++) {
            write(dir.resolve(String.format(namePattern, n)), size);
        }
    }
}
