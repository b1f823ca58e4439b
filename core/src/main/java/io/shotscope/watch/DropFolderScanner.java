package io.shotscope.watch;

import io.shotscope.video.ImageSequence;
import io.shotscope.video.ImageSequence.FrameName;
import io.shotscope.video.PlateKind;
import io.shotscope.video.PlateSources;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the plates in a drop folder and all its subfolders, from names, sizes and modification
 * times alone (no file is opened). A movie file is one candidate; the numbered images of one
 * sequence in one folder ({@code plate.1001.exr}, {@code plate.1002.exr} ...) are one candidate.
 *
 * <p>Left out: hidden and temporary files and folders ({@link #isIgnoredName}), anything that is not
 * a regular file (symbolic links, which are never followed, so the scan stays under the root and
 * cannot loop; devices, FIFOs, sockets), empty files (still being created), images without a frame
 * number, unknown extensions, folders that cannot be listed, and folders deeper than
 * {@link WatchOptions#maxDepth()}.
 */
public final class DropFolderScanner {

    /** Names of files still being written: generic temp files, browser and download-manager partials, editor backups. */
    private static final List<String> TEMPORARY_SUFFIXES = List.of(".tmp", ".part", ".crdownload", ".partial", "~");
    /** Office lock files ({@code ~$}) and macOS AppleDouble files ({@code ._}, hidden anyway). */
    private static final List<String> TEMPORARY_PREFIXES = List.of("~$", "._");

    private final int maxDepth;

    public DropFolderScanner(WatchOptions options) {
        this.maxDepth = options.maxDepth();
    }

    /**
     * Lists the candidates under {@code root}, ordered by {@link PlateCandidate#input()}. Their paths
     * are under the root's real path (a root that is itself a symbolic link is resolved once).
     *
     * @throws IOException when the root does not exist, is not a folder or cannot be listed
     */
    public List<PlateCandidate> scan(Path root) throws IOException {
        Path start = realFolder(root);
        Collector collector = new Collector(start);
        // depth 0 is the root itself: folders down to maxDepth levels below it are listed
        Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), maxDepth + 1, collector);
        return collector.candidates();
    }

    /** True for hidden names (leading dot) and names of temporary files; applies to folders too. */
    public static boolean isIgnoredName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".")
                || TEMPORARY_PREFIXES.stream().anyMatch(lower::startsWith)
                || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static Path realFolder(Path root) throws IOException {
        Path real;
        try {
            real = root.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(root.toString(), null, "drop folder does not exist");
        }
        if (!Files.isDirectory(real)) {
            throw new FileSystemException(root.toString(), null, "drop folder is not a folder");
        }
        return real;
    }

    /** One frame file of a sequence, as listed. */
    private record FrameFile(FrameName name, Path file, long bytes, Instant modified) {
    }

    /** Frames belong to one sequence when they share folder, name before the number, and extension. */
    private record SequenceKey(Path folder, String prefix, String suffix) {
    }

    private static final class Collector extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Map<SequenceKey, List<FrameFile>> sequences = new HashMap<>();
        private final List<PlateCandidate> movies = new ArrayList<>();

        Collector(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && isIgnoredName(dir.getFileName().toString())) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            // without FOLLOW_LINKS the attributes are the link's own: a symbolic link is not regular
            if (!attrs.isRegularFile() || attrs.size() == 0 || isIgnoredName(name)) {
                return FileVisitResult.CONTINUE;
            }
            Instant modified = attrs.lastModifiedTime().toInstant();
            Optional<FrameName> frame = ImageSequence.frameName(name);
            if (frame.isPresent()) {
                FrameName f = frame.get();
                sequences.computeIfAbsent(new SequenceKey(file.getParent(), f.prefix(), f.suffix()),
                        k -> new ArrayList<>()).add(new FrameFile(f, file, attrs.size(), modified));
            } else if (PlateSources.isMovieName(name)) {
                movies.add(new PlateCandidate(PlateKind.MOVIE, file.toString(), List.of(file), 0, 0,
                        new PlateCandidate.Signature(1, attrs.size(), modified)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE; // vanished since its folder was listed, or unreadable
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null && dir.equals(root)) {
                throw new FileSystemException(root.toString(), null,
                        "cannot list the drop folder (" + exc.getClass().getSimpleName() + ")");
            }
            return FileVisitResult.CONTINUE;
        }

        List<PlateCandidate> candidates() {
            List<PlateCandidate> all = new ArrayList<>(movies);
            sequences.forEach((key, frames) -> all.add(sequence(key, frames)));
            all.sort(Comparator.comparing(PlateCandidate::input));
            return all;
        }

        private static PlateCandidate sequence(SequenceKey key, List<FrameFile> frames) {
            frames.sort(Comparator.comparingInt((FrameFile f) -> f.name().number())
                    .thenComparing(f -> f.file().getFileName().toString()));
            FrameFile first = frames.get(0);
            FrameFile last = frames.get(frames.size() - 1);
            long bytes = frames.stream().mapToLong(FrameFile::bytes).sum();
            Instant newest = frames.stream().map(FrameFile::modified).max(Comparator.naturalOrder()).orElseThrow();
            String input = key.folder().resolve(first.name().pattern()).toString();
            return new PlateCandidate(PlateKind.SEQUENCE, input, frames.stream().map(FrameFile::file).toList(),
                    first.name().number(), last.name().number(),
                    new PlateCandidate.Signature(frames.size(), bytes, newest));
        }
    }
}
