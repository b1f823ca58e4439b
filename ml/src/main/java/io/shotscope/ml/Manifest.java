package io.shotscope.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A studio's list of labelled shots: a CSV with a header naming a {@code path} column and either a
 * {@code label} column (Easy/Medium/Hard) or a {@code days} column (artist-days, mapped to classes by
 * thresholds). With both, the label gives the class and the days are kept ({@link Entry#days}: training
 * can learn them; a blank days cell there means unknown). Other columns are ignored; relative paths are resolved against the manifest's folder.
 */
public final class Manifest {

    /** Artist-days below the first threshold are Easy, below the second Medium, else Hard. */
    public static final double[] DEFAULT_DAYS_THRESHOLDS = {2, 6};

    /** One labelled plate; {@code days} is {@code NaN} when the manifest has no days column. */
    public record Entry(String path, Difficulty label, int line, double days) {

        public Entry(String path, Difficulty label, int line) {
            this(path, label, line, Double.NaN);
        }

        public boolean hasDays() {
            return !Double.isNaN(days);
        }
    }

    private Manifest() {
    }

    /** Reads the manifest; throws IllegalArgumentException with "file:line: reason" for bad content. */
    public static List<Entry> read(Path file, double[] daysThresholds) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty manifest (expected a header: path,label or path,days)");
        }
        List<String> header = Arrays.stream(split(lines.get(0))).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        int path = header.indexOf("path");
        int label = header.indexOf("label");
        int days = header.indexOf("days");
        if (path < 0 || (label < 0 && days < 0)) {
            throw new IllegalArgumentException(file + ":1: the header must name a path column and a label or days column");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        Map<Path, Integer> firstLine = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = split(line);
            int lineNo = i + 1;
            String where = file + ":" + lineNo + ": ";
            if (cells.length <= Math.max(path, Math.max(label, days))) {
                throw new IllegalArgumentException(where + "too few columns");
            }
            // beside a label, a blank days cell is unknown days; without one, days give the class
            boolean noDays = days < 0 || (label >= 0 && cells[days].isBlank());
            double dayCount = noDays ? Double.NaN : parseDays(cells[days].strip(), where);
            Difficulty difficulty = label >= 0 ? parseLabel(cells[label].strip(), where)
                    : fromDays(dayCount, daysThresholds);
            String p = cells[path].strip();
            String resolved = Path.of(p).isAbsolute() ? p : base.resolve(p).toString();
            // one shot listed twice would weigh double, or carry two answers; either is a slip in the list
            Integer first = firstLine.putIfAbsent(Path.of(resolved).normalize(), lineNo);
            if (first != null) {
                throw new IllegalArgumentException(where + p + " is listed twice (first on line " + first + ")");
            }
            entries.add(new Entry(resolved, difficulty, lineNo, dayCount));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(file + ": no shots listed");
        }
        return entries;
    }

    public static Difficulty fromDays(double days, double[] thresholds) {
        if (thresholds.length != 2 || !(thresholds[0] < thresholds[1])) {
            throw new IllegalArgumentException("days thresholds must be two increasing numbers, e.g. 2,6");
        }
        return days < thresholds[0] ? Difficulty.Easy : days < thresholds[1] ? Difficulty.Medium : Difficulty.Hard;
    }

    private static Difficulty parseLabel(String text, String where) {
        for (Difficulty d : Difficulty.values()) {
            if (d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException(where + "label '" + text + "' is not Easy, Medium or Hard");
    }

    private static double parseDays(String text, String where) {
        try {
            double d = Double.parseDouble(text);
            if (d < 0 || !Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "days '" + text + "' is not a non-negative number");
        }
    }

    /**
     * One CSV cell as {@link #split} reads it back: quoted, with quotes doubled, when it holds a
     * comma, a quote or a line break; as it is otherwise.
     */
    public static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Splits one CSV line; double quotes protect commas, {@code ""} is a quote. */
    static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
