package io.shotscope.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The frames of an image sequence, found by listing files (never by decoding, so gaps are seen).
 * Accepts {@code shot.####.exr}, {@code shot.%04d.exr}, {@code shot.@@@@.exr},
 * {@code shot.[1001-1058].exr}, a folder holding one sequence, or one numbered frame of it.
 *
 * @param stem    the sequence name without frame pattern, used to name reports
 * @param frames  present frames, by ascending frame number
 * @param missing frame numbers expected but absent
 */
public record ImageSequence(String stem, List<Frame> frames, List<Integer> missing) {

    /** One frame file. */
    public record Frame(int number, Path file) {
    }

    /**
     * A frame file's name split around its frame number: {@code plate.} + {@code 1001} + {@code .exr}.
     *
     * @param digits how many digits the number is written with (its padding)
     */
    public record FrameName(String prefix, int number, int digits, String suffix) {

        /** The name with its number replaced by one {@code #} per digit, e.g. {@code plate.####.exr}. */
        public String pattern() {
            return prefix + "#".repeat(digits) + suffix;
        }
    }

    /** File extensions read as image sequences; anything else is opened as a movie. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("exr", "dpx", "tif", "tiff", "png", "jpg", "jpeg");

    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)-(\\d+)]");
    private static final Pattern TOKEN = Pattern.compile("#+|@+|%0?\\d*d");
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)(\\.[A-Za-z0-9]+)$");
    /** Longer numbers are not frame numbers (and would overflow an int). */
    private static final int MAX_FRAME_DIGITS = 9;
    /** Movies named in the refusal of a folder of movies; the rest are counted. */
    private static final int LISTED_MOVIES = 3;

    public ImageSequence {
        frames = List.copyOf(frames);
        missing = List.copyOf(missing);
    }

    /** True when {@code input} names a sequence rather than a movie file. */
    public static boolean isSequence(String input) {
        Path path = Path.of(input);
        String name = path.getFileName() == null ? input : path.getFileName().toString();
        return Files.isDirectory(path) || holdsPatternToken(name) || IMAGE_EXTENSIONS.contains(extension(name));
    }

    /**
     * The frame number in an image file's name such as {@code plate.1001.exr}: the digits just
     * before the extension. Empty for other extensions, names without such a number, numbers of
     * more than 9 digits, and names whose part before the number holds a pattern token
     * ({@code #}, {@code @}, {@code %d}, {@code [a-b]}), because no pattern could name them.
     * Frames grouped by prefix and suffix are exactly the frames {@link #resolve} lists for
     * {@link FrameName#pattern()} in their folder (symbolic links aside: resolve follows them).
     */
    public static Optional<FrameName> frameName(String fileName) {
        Matcher m = NUMBERED.matcher(fileName);
        if (!m.matches() || m.group(2).length() > MAX_FRAME_DIGITS
                || !IMAGE_EXTENSIONS.contains(extension(m.group(3))) || holdsPatternToken(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new FrameName(m.group(1), Integer.parseInt(m.group(2)), m.group(2).length(), m.group(3)));
    }

    /** True when a file name holds a frame pattern token, so it would be read as a sequence pattern. */
    static boolean holdsPatternToken(String name) {
        return RANGE.matcher(name).find() || TOKEN.matcher(name).find();
    }

    /** Lists the frames {@code input} names; fails on an empty or ambiguous selection. */
    public static ImageSequence resolve(String input) throws PlateException {
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            return fromFolder(path);
        }
        Path dir = path.toAbsolutePath().getParent();
        String name = path.getFileName().toString();
        Matcher range = RANGE.matcher(name);
        if (range.find()) {
            int first = Integer.parseInt(range.group(1));
            int last = Integer.parseInt(range.group(2));
            if (last < first) {
                throw new PlateException("frame range [" + first + "-" + last + "] ends before it starts");
            }
            return collect(dir, name.substring(0, range.start()), name.substring(range.end()), first, last);
        }
        Matcher token = TOKEN.matcher(name);
        if (token.find()) {
            return collect(dir, name.substring(0, token.start()), name.substring(token.end()), null, null);
        }
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            if (!Files.exists(path)) {
                throw new PlateException("no such file");
            }
            return collect(dir, numbered.group(1), numbered.group(3), null, null);
        }
        if (!Files.isRegularFile(path)) {
            throw new PlateException("no such file");
        }
        return new ImageSequence(stripSeparators(stemOf(name)), List.of(new Frame(0, path)), List.of());
    }

    /** Why a folder is no image sequence; a folder of movies says how to name them instead. */
    private static String noSequenceIn(List<Path> files) {
        List<String> movies = files.stream().map(f -> f.getFileName().toString()).filter(PlateSources::isMovieName)
                .sorted().toList();
        if (movies.isEmpty()) {
            return "empty folder: no numbered image frames ("
                    + String.join(", ", IMAGE_EXTENSIONS.stream().sorted().toList()) + ")";
        }
        String shown = String.join(", ", movies.subList(0, Math.min(movies.size(), LISTED_MOVIES)))
                + (movies.size() > LISTED_MOVIES ? ", ..." : "");
        return "a folder of " + movies.size() + (movies.size() == 1 ? " movie" : " movies") + " (" + shown
                + "), not an image sequence: name each movie instead, e.g. with a *." + extension(movies.get(0))
                + " wildcard";
    }

    /**
     * The movies of a folder that holds no numbered image frames, sorted by name; empty when the folder
     * holds frames (it is a sequence) or no movie.
     */
    static List<Path> moviesIn(Path dir) throws PlateException {
        List<Path> files = list(dir);
        boolean holdsFrames = files.stream().map(f -> NUMBERED.matcher(f.getFileName().toString()))
                .anyMatch(m -> m.matches() && IMAGE_EXTENSIONS.contains(extension(m.group(3))));
        return holdsFrames ? List.of()
                : files.stream().filter(f -> PlateSources.isMovieName(f.getFileName().toString())).toList();
    }

    private static ImageSequence fromFolder(Path dir) throws PlateException {
        Map<String, Integer> groups = new TreeMap<>();
        List<Path> files = list(dir);
        for (Path file : files) {
            Matcher m = NUMBERED.matcher(file.getFileName().toString());
            if (m.matches() && IMAGE_EXTENSIONS.contains(extension(m.group(3)))) {
                groups.merge(m.group(1) + "\u0000" + m.group(3), 1, Integer::sum);
            }
        }
        if (groups.isEmpty()) {
            throw new PlateException(noSequenceIn(files));
        }
        if (groups.size() > 1) {
            List<String> names = groups.keySet().stream().map(k -> k.replace("\u0000", "####")).toList();
            throw new PlateException("folder holds several sequences (" + String.join(", ", names)
                    + "); name one with a #### pattern");
        }
        String[] key = groups.keySet().iterator().next().split("\u0000", -1);
        ImageSequence sequence = collect(dir, key[0], key[1], null, null);
        String stem = sequence.stem().isEmpty() ? dir.getFileName().toString() : sequence.stem();
        return new ImageSequence(stem, sequence.frames(), sequence.missing());
    }

    private static ImageSequence collect(Path dir, String prefix, String suffix, Integer first, Integer last)
            throws PlateException {
        if (!Files.isDirectory(dir)) {
            throw new PlateException("no such folder");
        }
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "(\\d+)" + Pattern.quote(suffix));
        TreeMap<Integer, Path> byNumber = new TreeMap<>();
        for (Path file : list(dir)) {
            Matcher m = pattern.matcher(file.getFileName().toString());
            if (!m.matches() || m.group(1).length() > MAX_FRAME_DIGITS) {
                continue;
            }
            int number = Integer.parseInt(m.group(1));
            if ((first != null && number < first) || (last != null && number > last)) {
                continue;
            }
            refuseLinkOutside(dir, file);
            Path previous = byNumber.put(number, file);
            if (previous != null) {
                throw new PlateException("frame " + number + " exists twice (" + previous.getFileName() + ", "
                        + file.getFileName() + ")");
            }
        }
        if (byNumber.isEmpty()) {
            throw new PlateException("no frames match " + prefix + "####" + suffix
                    + (first != null ? " in [" + first + "-" + last + "]" : ""));
        }
        int from = first != null ? first : byNumber.firstKey();
        int to = last != null ? last : byNumber.lastKey();
        List<Integer> missing = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            if (!byNumber.containsKey(n)) {
                missing.add(n);
            }
        }
        List<Frame> frames = byNumber.entrySet().stream().map(e -> new Frame(e.getKey(), e.getValue())).toList();
        return new ImageSequence(stripSeparators(prefix), frames, missing);
    }

    /** A frame may be a symlink only to a file inside the sequence's own folder. */
    private static void refuseLinkOutside(Path dir, Path frame) throws PlateException {
        if (!Files.isSymbolicLink(frame)) {
            return;
        }
        try {
            if (!frame.toRealPath().startsWith(dir.toRealPath())) {
                throw new PlateException("frame " + frame.getFileName()
                        + " is a symbolic link to a file outside the sequence folder");
            }
        } catch (IOException e) {
            throw new PlateException("frame " + frame.getFileName() + " cannot be resolved: "
                    + e.getClass().getSimpleName());
        }
    }

    private static List<Path> list(Path dir) throws PlateException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new PlateException("cannot list folder: " + e.getClass().getSimpleName());
        }
    }

    /** "1003-1005, 1010": missing frame numbers folded into ranges. */
    public static String describeFrames(List<Integer> numbers) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(numbers.get(i));
            if (j > i) {
                out.append('-').append(numbers.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stemOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String stripSeparators(String prefix) {
        return prefix.replaceAll("[._\\-\\s]+$", "");
    }
}
