package io.shotscope.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reports as JSON with snake_case keys: one line for JSON Lines, or written atomically to a file. */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toLine(ShotReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be serialised", e);
        }
    }

    /** Writes {@code DIR/<stem>.json} through a temporary file, so no partial report is ever visible. */
    public static Path write(ShotReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(report.stem() + ".json");
            Path temp = Files.createTempFile(dir, "." + report.stem(), ".json.tmp");
            try {
                MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), report);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report to " + dir + ": " + e.getMessage(), e);
        }
    }
}
